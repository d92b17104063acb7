"""The one prompt format: "problem + starter code (+ a given solution prefix)" -> program text.

Every model in StepCoder-lite, the tiny one this project trains and any Hugging Face code
model, sees the same text. The prompt ends inside an open Markdown code block, so the model's
job is always to *continue a program*; it signals that the program is finished by closing the
block with :data:`END_OF_CODE`, which is the string the sampler stops on::

    ### Problem
    <question>

    ### Format
    <how the tests talk to the program: stdin/stdout, or which function they call>

    ### Starter code            (only when the problem has one)
    ```python
    <starter code>
    ```

    ### Solution
    ```python
    <given prefix>             ("" when the model writes the whole program; CCCS gives a prefix)
    <- the model continues here, and ends with END_OF_CODE ("```")

The program that runs is ``given_prefix + completion`` (see :func:`program_text`): the starter
code is shown in the prompt, never glued onto the program, because solutions are complete
programs that already contain the starter code's lines (the APPS+ convention).

For instruct (chat) models, :func:`build_prompt` with ``chat_template=tokenizer`` puts the
problem in a user message and *starts the assistant's reply* with the open code block and the
given prefix, so the same stop marker and the same program text apply.

This module imports neither torch nor transformers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    from stepcoder_lite.data.problem import Problem

END_OF_CODE = "```"
"""The end-of-code marker: the model closes the open code block. The sampler stops on it."""

CODE_FENCE_OPEN = "```python\n"
"""How the solution block opens; the prompt always ends with it (plus the given prefix)."""

SYSTEM_MESSAGE = "You are an expert Python programmer. Answer with one complete Python program in a ```python code block."
"""The system message used with chat templates (instruct models)."""


def format_section(problem: "Problem") -> str:
    """One line telling the model how its program is run by the tests.

    ========================  ===================================================================
    problem kind              line
    ========================  ===================================================================
    stdin                     ``Read from standard input, write to standard output.``
    stdin with entry point    ... ``Put the code in a function `f()`; the tests call it.`` (APPS+)
    call, function            ``The tests call `fn_name(...)` and compare its return value.``
    call, ``class Solution``  ``The tests call `Solution().fn_name(...)` and compare ...``
    ========================  ===================================================================
    """
    if problem.fn_name is None:
        line = "Read from standard input, write to standard output."
        if problem.entry_point:
            line += f" Put the code in a function `{problem.entry_point}()`; the tests call it."
        return line
    target = f"Solution().{problem.fn_name}" if problem.is_class_based else problem.fn_name
    return f"The tests call `{target}(...)` and compare its return value."


def problem_text(problem: "Problem") -> str:
    """The problem part of the prompt: question, format line and starter code (no solution block)."""
    parts = [f"### Problem\n{problem.question.strip()}\n", f"### Format\n{format_section(problem)}\n"]
    starter = problem.starter_code.strip("\n")
    if starter:
        parts.append(f"### Starter code\n```python\n{starter}\n```\n")
    return "\n".join(parts)


def build_prompt(
    problem: "Problem",
    given_prefix: str = "",
    chat_template: Any | Callable[[list[dict[str, str]]], str] | None = None,
) -> str:
    """The prompt for ``problem``; the model's completion continues ``given_prefix``.

    Args:
        problem: the problem (question, starter code, how it is tested).
        given_prefix: the start of the program the model must continue: ``""`` (write it all)
            or, under CCCS, a prefix of ``problem.solutions[0]``. It is placed verbatim right
            after the opening code fence, so ``prompt.endswith(given_prefix)`` always holds.
        chat_template: ``None`` for the plain format (base models and the tiny model); or a
            tokenizer with ``apply_chat_template`` (instruct models), or any callable
            ``messages -> str`` that renders a chat and opens the assistant's turn.

    Returns:
        The prompt text. The program that runs is ``program_text(given_prefix, completion)``.
    """
    body = problem_text(problem)
    reply_start = CODE_FENCE_OPEN + given_prefix
    if chat_template is None:
        return f"{body}\n### Solution\n{reply_start}"
    messages = [
        {"role": "system", "content": SYSTEM_MESSAGE},
        {"role": "user", "content": f"Solve this problem in Python.\n\n{body}"},
    ]
    if hasattr(chat_template, "apply_chat_template"):
        rendered = chat_template.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    elif callable(chat_template):
        rendered = chat_template(messages)
    else:
        raise TypeError(
            f"build_prompt: chat_template must be None, a tokenizer with apply_chat_template, "
            f"or a callable messages -> str; got {type(chat_template).__name__}"
        )
    if not isinstance(rendered, str):
        raise TypeError(f"build_prompt: the chat template returned {type(rendered).__name__}, expected str")
    # The assistant's reply starts with the open code block, so the model continues the program.
    return rendered + reply_start


def split_completion(text: str) -> tuple[str, bool]:
    """Cut generated text at the first :data:`END_OF_CODE`.

    Returns ``(completion, finished)``: the text before the marker, and whether the marker was
    found (``False`` means the model ran out of tokens before closing the code block).
    """
    cut = text.find(END_OF_CODE)
    if cut < 0:
        return text, False
    return text[:cut], True


def program_text(given_prefix: str, completion: str) -> str:
    """The program the executor runs: the given prefix followed by the model's completion."""
    return given_prefix + completion


def sft_target(solution: str) -> str:
    """What SFT teaches the model to write after the prompt: the solution, a newline, the marker."""
    return solution.rstrip("\n") + "\n" + END_OF_CODE
