"""Hand-written call-based problems (LeetCode / APPS call-based style) for the bundled set.

Each entry of ``PROBLEMS`` is one problem: a statement with constraints and worked examples, the
starter code the model is shown, the function (or ``Solution`` method) name, a complete
reference solution that begins with the starter code, and the argument lists of its tests.
Expected outputs are never written here: ``data/handwritten/build.py`` runs each solution on
each argument list and records what it returns.

About a third are LeetCode style (``class Solution:`` with a method), the rest plain functions.
Every solution holds at least one ``if`` (CCCS cuts a solution at its conditional statements)
and most hold several. Examples are written with Python literals (``True``, ``None``), so
``Input: a = 1, b = [2]`` reads as the keyword call ``fn(a=1, b=[2])``.
"""

from textwrap import dedent


def _text(s: str) -> str:
    """A question: the indented block, dedented, without surrounding blank lines."""
    return dedent(s).strip("\n")


def _code(s: str) -> str:
    """A solution: the indented block, dedented, ending in exactly one newline."""
    return dedent(s).strip("\n") + "\n"


PROBLEMS = [
    dict(
        id="hw/call/count-vowels",
        difficulty="introductory",
        question=_text("""
            Given a string s, return how many vowels it contains.

            The letters a, e, i, o and u are vowels in either case. The letter y (or Y) counts
            as a vowel only when it is the last letter of a word, that is, when it is the last
            character of s or the next character is not a letter.

            Example 1:
            Input: s = "Happy day"
            Output: 4
            Explanation: "Happy" has a and a final y; "day" has a and a final y.

            Example 2:
            Input: s = "yellow rhythm"
            Output: 2
            Explanation: Only e and o count; neither y ends a word.

            Constraints:
            0 <= len(s) <= 1000
            s contains printable ASCII characters.
        """),
        starter_code="def count_vowels(s: str) -> int:\n",
        fn_name="count_vowels",
        solution=_code("""
            def count_vowels(s: str) -> int:
                count = 0
                for i, ch in enumerate(s.lower()):
                    if ch in "aeiou":
                        count += 1
                    elif ch == "y":
                        ends_word = i == len(s) - 1 or not s[i + 1].isalpha()
                        if ends_word:
                            count += 1
                return count
        """),
        inputs=[["Happy day"], ["yellow rhythm"], [""], ["AEIOU aeiou"], ["sky-high, my boy!"],
                ["bcdfg"], ["Y"], ["yy yY"]],
    ),
    dict(
        id="hw/call/longest-plateau",
        difficulty="introductory",
        question=_text("""
            A plateau is a run of adjacent equal values in a list. Given a list of integers
            nums, return the length of its longest plateau. An empty list has no plateau, so
            return 0 for it.

            Example 1:
            Input: nums = [3, 3, 1, 1, 1, 2]
            Output: 3
            Explanation: The three 1s form the longest run.

            Example 2:
            Input: nums = [5, 4, 3]
            Output: 1

            Constraints:
            0 <= len(nums) <= 10^4
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="def longest_plateau(nums: list[int]) -> int:\n",
        fn_name="longest_plateau",
        solution=_code("""
            def longest_plateau(nums: list[int]) -> int:
                if not nums:
                    return 0
                best = run = 1
                for i in range(1, len(nums)):
                    if nums[i] == nums[i - 1]:
                        run += 1
                    else:
                        run = 1
                    if run > best:
                        best = run
                return best
        """),
        inputs=[[[3, 3, 1, 1, 1, 2]], [[5, 4, 3]], [[]], [[7]], [[2, 2, 2, 2]],
                [[-1, -1, 0, 0, 0, 0, -1]], [[1, 2, 2, 3, 3, 3, 3, 3]]],
    ),
    dict(
        id="hw/call/second-largest-distinct",
        difficulty="introductory",
        question=_text("""
            Given a list of integers nums, return the second largest distinct value in it:
            the largest value that is strictly smaller than the maximum. If no such value
            exists (the list is empty or all its values are equal), return None.

            Example 1:
            Input: nums = [4, 1, 7, 7, 3]
            Output: 4
            Explanation: The maximum is 7; the largest value below 7 is 4.

            Example 2:
            Input: nums = [5, 5]
            Output: None

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="def second_largest(nums: list[int]) -> int | None:\n",
        fn_name="second_largest",
        solution=_code("""
            def second_largest(nums: list[int]) -> int | None:
                first = second = None
                for x in nums:
                    if first is None or x > first:
                        second = first
                        first = x
                    elif x != first and (second is None or x > second):
                        second = x
                return second
        """),
        inputs=[[[4, 1, 7, 7, 3]], [[5, 5]], [[]], [[42]], [[-3, -1, -2]], [[1, 2]],
                [[9, 8, 9, 8, 7]], [[0, -5, 0]]],
    ),
    dict(
        id="hw/call/max-sorted-gap",
        difficulty="introductory",
        question=_text("""
            Given an integer list nums, return the largest difference between two neighbouring
            values once the list is sorted in ascending order. If nums has fewer than two
            elements, return 0.

            Example 1:
            Input: nums = [3, 9, 1, 4]
            Output: 5
            Explanation: Sorted, the list is [1, 3, 4, 9]; the gaps are 2, 1 and 5.

            Example 2:
            Input: nums = [10]
            Output: 0

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="class Solution:\n    def maxGap(self, nums: list[int]) -> int:\n",
        fn_name="maxGap",
        solution=_code("""
            class Solution:
                def maxGap(self, nums: list[int]) -> int:
                    if len(nums) < 2:
                        return 0
                    ordered = sorted(nums)
                    best = 0
                    for a, b in zip(ordered, ordered[1:]):
                        if b - a > best:
                            best = b - a
                    return best
        """),
        inputs=[[[3, 9, 1, 4]], [[10]], [[]], [[5, 5, 5]], [[-10, 10]], [[1, 2, 3, 100, 101]],
                [[-7, -3, -20, 0]]],
    ),
    dict(
        id="hw/call/bracket-depth",
        difficulty="interview",
        question=_text("""
            You are given a string s made of letters and the bracket characters '(', ')', '['
            and ']'. Letters are ignored. If the brackets are well formed (every opening bracket
            is closed by the matching kind, in the right order), return the maximum nesting
            depth of the brackets. Otherwise return -1. A string without brackets has depth 0.

            Example 1:
            Input: s = "a(b[c])d()"
            Output: 2
            Explanation: "[c]" sits inside "(...)", so the deepest point is two levels down.

            Example 2:
            Input: s = "(]"
            Output: -1
            Explanation: '(' is closed by ']', which does not match.

            Example 3:
            Input: s = "(()"
            Output: -1

            Constraints:
            0 <= len(s) <= 10^4
        """),
        starter_code="class Solution:\n    def bracketDepth(self, s: str) -> int:\n",
        fn_name="bracketDepth",
        solution=_code("""
            class Solution:
                def bracketDepth(self, s: str) -> int:
                    opener = {")": "(", "]": "["}
                    stack = []
                    deepest = 0
                    for ch in s:
                        if ch in "([":
                            stack.append(ch)
                            deepest = max(deepest, len(stack))
                        elif ch in opener:
                            if not stack or stack[-1] != opener[ch]:
                                return -1
                            stack.pop()
                    if stack:
                        return -1
                    return deepest
        """),
        inputs=[["a(b[c])d()"], ["(]"], ["(()"], [""], ["abc"], ["())"], ["[([])]()"],
                ["]["], ["((((x))))"]],
    ),
    dict(
        id="hw/call/exclusive-fizz-sum",
        difficulty="introductory",
        question=_text("""
            Given an integer n, return the sum of all integers k with 1 <= k <= n that are
            divisible by exactly one of 3 and 5. Numbers divisible by both (such as 15) are
            left out. If n < 1 the sum is 0.

            Example 1:
            Input: n = 15
            Output: 45
            Explanation: 3 + 5 + 6 + 9 + 10 + 12 = 45; 15 is divisible by both, so it is skipped.

            Example 2:
            Input: n = 4
            Output: 3

            Constraints:
            -1000 <= n <= 10^5
        """),
        starter_code="def exclusive_fizz_sum(n: int) -> int:\n",
        fn_name="exclusive_fizz_sum",
        solution=_code("""
            def exclusive_fizz_sum(n: int) -> int:
                total = 0
                for k in range(1, n + 1):
                    by3 = k % 3 == 0
                    by5 = k % 5 == 0
                    if by3 and by5:
                        continue
                    if by3 or by5:
                        total += k
                return total
        """),
        inputs=[[15], [4], [0], [-7], [1], [3], [30], [100000]],
    ),
    dict(
        id="hw/call/run-length",
        difficulty="introductory",
        question=_text("""
            Compress a string with run-length encoding: each maximal run of the same character
            is written as the character followed by the run's length. A run of length 1 is
            written as the character alone.

            Example 1:
            Input: s = "aaabcc"
            Output: "a3bc2"

            Example 2:
            Input: s = "xyz"
            Output: "xyz"

            Constraints:
            0 <= len(s) <= 10^4
            s contains no digits.
        """),
        starter_code="def run_length(s: str) -> str:\n",
        fn_name="run_length",
        solution=_code("""
            def run_length(s: str) -> str:
                if not s:
                    return ""
                parts = []
                run_char, run_len = s[0], 1
                for ch in s[1:]:
                    if ch == run_char:
                        run_len += 1
                    else:
                        parts.append(run_char + (str(run_len) if run_len > 1 else ""))
                        run_char, run_len = ch, 1
                parts.append(run_char + (str(run_len) if run_len > 1 else ""))
                return "".join(parts)
        """),
        inputs=[["aaabcc"], ["xyz"], [""], ["q"], ["zzzzzzzzzzzz"], ["aAaa  b"], ["abba"]],
    ),
    dict(
        id="hw/call/merge-integer-ranges",
        difficulty="interview",
        question=_text("""
            You are given a list of integer ranges, each written [lo, hi] and covering every
            integer from lo to hi inclusive. Merge ranges that overlap or touch (the next range
            starts at most one past the end of the previous one) and return the merged ranges
            sorted by their start.

            Example 1:
            Input: ranges = [[5, 7], [1, 2], [3, 4], [10, 12]]
            Output: [[1, 7], [10, 12]]
            Explanation: [1, 2], [3, 4] and [5, 7] cover 1..7 without a hole.

            Example 2:
            Input: ranges = [[1, 10], [2, 3]]
            Output: [[1, 10]]

            Constraints:
            0 <= len(ranges) <= 10^4
            -10^9 <= lo <= hi <= 10^9
        """),
        starter_code="class Solution:\n    def mergeRanges(self, ranges: list[list[int]]) -> list[list[int]]:\n",
        fn_name="mergeRanges",
        solution=_code("""
            class Solution:
                def mergeRanges(self, ranges: list[list[int]]) -> list[list[int]]:
                    merged = []
                    for lo, hi in sorted(ranges):
                        if merged and lo <= merged[-1][1] + 1:
                            if hi > merged[-1][1]:
                                merged[-1][1] = hi
                        else:
                            merged.append([lo, hi])
                    return merged
        """),
        inputs=[[[[5, 7], [1, 2], [3, 4], [10, 12]]], [[[1, 10], [2, 3]]], [[]], [[[4, 4]]],
                [[[1, 2], [4, 5]]], [[[-5, -1], [0, 3], [8, 9], [5, 6]]], [[[2, 2], [2, 2], [3, 3]]]],
    ),
    dict(
        id="hw/call/rotate-clockwise",
        difficulty="introductory",
        question=_text("""
            Given a matrix with R rows and C columns, return a new matrix that is the original
            rotated 90 degrees clockwise (it has C rows and R columns). An empty matrix, or one
            whose rows are empty, rotates to [].

            Example 1:
            Input: matrix = [[1, 2, 3], [4, 5, 6]]
            Output: [[4, 1], [5, 2], [6, 3]]

            Example 2:
            Input: matrix = [[7]]
            Output: [[7]]

            Constraints:
            0 <= R, C <= 100
            All rows have the same length.
        """),
        starter_code="def rotate_clockwise(matrix: list[list[int]]) -> list[list[int]]:\n",
        fn_name="rotate_clockwise",
        solution=_code("""
            def rotate_clockwise(matrix: list[list[int]]) -> list[list[int]]:
                if not matrix or not matrix[0]:
                    return []
                rows, cols = len(matrix), len(matrix[0])
                result = []
                for c in range(cols):
                    new_row = []
                    for r in range(rows - 1, -1, -1):
                        new_row.append(matrix[r][c])
                    result.append(new_row)
                return result
        """),
        inputs=[[[[1, 2, 3], [4, 5, 6]]], [[[7]]], [[]], [[[], []]], [[[1], [2], [3]]],
                [[[1, 2], [3, 4]]], [[[0, -1, 2, -3]]]],
    ),
    dict(
        id="hw/call/spiral-walk",
        difficulty="interview",
        question=_text("""
            Given a rectangular matrix, return its elements in spiral order: start at the top
            left corner, walk right along the top row, down the right column, left along the
            bottom row, up the left column, and keep spiralling inwards until every element has
            been visited exactly once.

            Example 1:
            Input: matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
            Output: [1, 2, 3, 6, 9, 8, 7, 4, 5]

            Example 2:
            Input: matrix = [[1, 2], [3, 4], [5, 6]]
            Output: [1, 2, 4, 6, 5, 3]

            Constraints:
            0 <= number of rows <= 50
            1 <= number of columns <= 50 when there is at least one row
        """),
        starter_code="class Solution:\n    def spiralWalk(self, matrix: list[list[int]]) -> list[int]:\n",
        fn_name="spiralWalk",
        solution=_code("""
            class Solution:
                def spiralWalk(self, matrix: list[list[int]]) -> list[int]:
                    result = []
                    if not matrix:
                        return result
                    top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
                    while top <= bottom and left <= right:
                        for c in range(left, right + 1):
                            result.append(matrix[top][c])
                        for r in range(top + 1, bottom + 1):
                            result.append(matrix[r][right])
                        if top < bottom:
                            for c in range(right - 1, left - 1, -1):
                                result.append(matrix[bottom][c])
                        if left < right:
                            for r in range(bottom - 1, top, -1):
                                result.append(matrix[r][left])
                        top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
                    return result
        """),
        inputs=[[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [[[1, 2], [3, 4], [5, 6]]], [[]], [[[9]]],
                [[[1, 2, 3, 4]]], [[[1], [2], [3]]],
                [[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]]],
    ),
    dict(
        id="hw/call/count-pair-sums",
        difficulty="interview",
        question=_text("""
            Given a list nums sorted in non-decreasing order and an integer target, return the
            number of index pairs (i, j) with i < j such that nums[i] + nums[j] == target.
            Equal values at different indices form different pairs.

            Example 1:
            Input: nums = [1, 1, 2, 2, 3, 3], target = 4
            Output: 5
            Explanation: Each of the two 1s pairs with each of the two 3s (4 pairs), and the
            two 2s form one more pair.

            Example 2:
            Input: nums = [1, 2, 3], target = 10
            Output: 0

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i], target <= 10^9
            nums is sorted in non-decreasing order.
        """),
        starter_code="def count_pairs(nums: list[int], target: int) -> int:\n",
        fn_name="count_pairs",
        solution=_code("""
            def count_pairs(nums: list[int], target: int) -> int:
                lo, hi = 0, len(nums) - 1
                count = 0
                while lo < hi:
                    total = nums[lo] + nums[hi]
                    if total < target:
                        lo += 1
                    elif total > target:
                        hi -= 1
                    elif nums[lo] == nums[hi]:
                        n = hi - lo + 1
                        count += n * (n - 1) // 2
                        break
                    else:
                        left, right = lo, hi
                        while nums[lo] == nums[left]:
                            lo += 1
                        while nums[hi] == nums[right]:
                            hi -= 1
                        count += (lo - left) * (right - hi)
                return count
        """),
        inputs=[[[1, 1, 2, 2, 3, 3], 4], [[1, 2, 3], 10], [[], 0], [[5], 10], [[5, 5, 5, 5], 10],
                [[-3, -1, 0, 1, 3, 4], 0], [[1, 2, 3, 4, 5, 6], 7], [[2, 2, 2, 3], 5]],
    ),
    dict(
        id="hw/call/next-taller",
        difficulty="interview",
        question=_text("""
            A street has buildings in a row; heights[i] is the height of building i. For every
            building, find the index of the nearest building to its right that is strictly
            taller. If there is none, use -1. Return the list of these indices.

            Example 1:
            Input: heights = [3, 1, 4, 2, 5]
            Output: [2, 2, 4, 4, -1]
            Explanation: Building 0 (height 3) first sees a taller one at index 2 (height 4).

            Example 2:
            Input: heights = [2, 2, 1]
            Output: [-1, -1, -1]

            Constraints:
            0 <= len(heights) <= 10^5
            1 <= heights[i] <= 10^9
        """),
        starter_code="class Solution:\n    def nextTaller(self, heights: list[int]) -> list[int]:\n",
        fn_name="nextTaller",
        solution=_code("""
            class Solution:
                def nextTaller(self, heights: list[int]) -> list[int]:
                    answer = [-1] * len(heights)
                    waiting = []  # indices still looking for a taller building, heights non-increasing
                    for i, h in enumerate(heights):
                        while waiting:
                            j = waiting[-1]
                            if heights[j] >= h:
                                break
                            answer[j] = i
                            waiting.pop()
                        waiting.append(i)
                    return answer
        """),
        inputs=[[[3, 1, 4, 2, 5]], [[2, 2, 1]], [[]], [[7]], [[1, 2, 3, 4]], [[4, 3, 2, 1]],
                [[5, 1, 1, 1, 6, 2, 3]]],
    ),
    dict(
        id="hw/call/digit-sum-steps",
        difficulty="introductory",
        question=_text("""
            Given an integer n, repeatedly replace it by the sum of its decimal digits until a
            single digit remains. Return how many replacements that takes. For a negative n,
            work with its absolute value.

            Example 1:
            Input: n = 9875
            Output: 3
            Explanation: 9875 -> 29 -> 11 -> 2.

            Example 2:
            Input: n = 7
            Output: 0

            Constraints:
            -10^18 <= n <= 10^18
        """),
        starter_code="def digit_steps(n: int) -> int:\n",
        fn_name="digit_steps",
        solution=_code("""
            def digit_steps(n: int) -> int:
                if n < 0:
                    n = -n
                if n < 10:
                    return 0
                steps = 0
                while n >= 10:
                    n = sum(int(d) for d in str(n))
                    steps += 1
                return steps
        """),
        inputs=[[9875], [7], [0], [-46], [10], [999999999999999999], [19]],
    ),
    dict(
        id="hw/call/loose-anagram",
        difficulty="introductory",
        question=_text("""
            Two phrases are loose anagrams if, after ignoring case and every character that is
            not a letter or a digit, one uses exactly the same characters as the other (the
            same number of times). Given two strings a and b, return whether they are loose
            anagrams.

            Example 1:
            Input: a = "Dormitory", b = "dirty room!"
            Output: True

            Example 2:
            Input: a = "listen", b = "silence"
            Output: False

            Constraints:
            0 <= len(a), len(b) <= 10^4
        """),
        starter_code="def loose_anagram(a: str, b: str) -> bool:\n",
        fn_name="loose_anagram",
        solution=_code("""
            def loose_anagram(a: str, b: str) -> bool:
                counts = {}
                for ch in a.lower():
                    if ch.isalnum():
                        counts[ch] = counts.get(ch, 0) + 1
                for ch in b.lower():
                    if not ch.isalnum():
                        continue
                    if counts.get(ch, 0) == 0:
                        return False
                    counts[ch] -= 1
                return all(v == 0 for v in counts.values())
        """),
        inputs=[["Dormitory", "dirty room!"], ["listen", "silence"], ["", ""], ["abc", "ab"],
                ["ab", "abc"], ["A1 b2", "2b-1a"], ["aab", "abb"], ["...", "!"]],
    ),
    dict(
        id="hw/call/climb-broken-stairs",
        difficulty="interview",
        question=_text("""
            You stand at step 0 of a staircase and want to reach step n. Each move climbs
            either 1 or 2 steps. Some steps are broken (listed in broken) and you may never
            land on them. Return the number of different ways to reach step n, modulo
            1_000_000_007. If step 0 or step n is broken, the answer is 0.

            Example 1:
            Input: n = 4, broken = [2]
            Output: 1
            Explanation: The only way is 0 -> 1 -> 3 -> 4.

            Example 2:
            Input: n = 3, broken = []
            Output: 3
            Explanation: 1+1+1, 1+2 and 2+1.

            Constraints:
            0 <= n <= 10^5
            0 <= len(broken) <= n + 1, and every broken step is between 0 and n.
        """),
        starter_code="def climb_ways(n: int, broken: list[int]) -> int:\n",
        fn_name="climb_ways",
        solution=_code("""
            def climb_ways(n: int, broken: list[int]) -> int:
                mod = 1_000_000_007
                bad = set(broken)
                if 0 in bad or n in bad:
                    return 0
                ways = [0] * (n + 1)
                ways[0] = 1
                for i in range(1, n + 1):
                    if i in bad:
                        continue
                    ways[i] = ways[i - 1]
                    if i >= 2:
                        ways[i] = (ways[i] + ways[i - 2]) % mod
                return ways[n]
        """),
        inputs=[[4, [2]], [3, []], [0, []], [5, [5]], [6, [2, 3]], [10, [0]], [1000, [500]], [1, []]],
    ),
    dict(
        id="hw/call/compact-ranges",
        difficulty="interview",
        question=_text("""
            Given a sorted list of distinct integers, describe it compactly. Each maximal run
            of consecutive integers of length three or more becomes one string "a..b". Runs of
            length one or two are listed number by number. Return the list of strings in order.

            Example 1:
            Input: nums = [1, 2, 3, 5, 6, 8]
            Output: ["1..3", "5", "6", "8"]
            Explanation: 1, 2, 3 is a run of three; 5, 6 is only two long.

            Example 2:
            Input: nums = [-2, -1, 0, 1]
            Output: ["-2..1"]

            Constraints:
            0 <= len(nums) <= 10^4
            nums is strictly increasing.
        """),
        starter_code="class Solution:\n    def compactRanges(self, nums: list[int]) -> list[str]:\n",
        fn_name="compactRanges",
        solution=_code("""
            class Solution:
                def compactRanges(self, nums: list[int]) -> list[str]:
                    result = []
                    i = 0
                    while i < len(nums):
                        j = i
                        while j + 1 < len(nums) and nums[j + 1] == nums[j] + 1:
                            j += 1
                        if j - i >= 2:
                            result.append(f"{nums[i]}..{nums[j]}")
                        elif j == i + 1:
                            result.extend([str(nums[i]), str(nums[j])])
                        else:
                            result.append(str(nums[i]))
                        i = j + 1
                    return result
        """),
        inputs=[[[1, 2, 3, 5, 6, 8]], [[-2, -1, 0, 1]], [[]], [[4]], [[1, 3, 5]], [[7, 8]],
                [[0, 1, 2, 3, 4, 10, 11, 12, 20]]],
    ),
    dict(
        id="hw/call/letter-grades",
        difficulty="introductory",
        question=_text("""
            Convert exam scores to letter grades. A score of 90-99 is "A", 80-89 "B", 70-79 "C",
            60-69 "D", and below 60 "F". A grade from A to D gets a "+" when the score's last
            digit is 7, 8 or 9, and a "-" when it is 0, 1 or 2; "F" never gets a sign. A
            perfect 100 is "A+". Any score below 0 or above 100 becomes "invalid".

            Example 1:
            Input: scores = [95, 81, 77, 42, 100]
            Output: ["A", "B-", "C+", "F", "A+"]

            Example 2:
            Input: scores = [-1, 60]
            Output: ["invalid", "D-"]

            Constraints:
            0 <= len(scores) <= 1000
            -1000 <= scores[i] <= 1000
        """),
        starter_code="def letter_grades(scores: list[int]) -> list[str]:\n",
        fn_name="letter_grades",
        solution=_code("""
            def letter_grades(scores: list[int]) -> list[str]:
                result = []
                for s in scores:
                    if s < 0 or s > 100:
                        result.append("invalid")
                        continue
                    if s == 100:
                        result.append("A+")
                        continue
                    if s < 60:
                        result.append("F")
                        continue
                    letter = "DCBA"[s // 10 - 6]
                    if s % 10 >= 7:
                        letter += "+"
                    elif s % 10 <= 2:
                        letter += "-"
                    result.append(letter)
                return result
        """),
        inputs=[[[95, 81, 77, 42, 100]], [[-1, 60]], [[]], [[59, 0, 101]], [[99, 90, 85, 69]],
                [[72, 73, 74, 75, 76]]],
    ),
    dict(
        id="hw/call/count-leap-years",
        difficulty="introductory",
        question=_text("""
            A year is a leap year if it is divisible by 400, or if it is divisible by 4 but not
            by 100. Given two years a and b, return how many leap years lie between them,
            both ends included. The years may be given in either order.

            Example 1:
            Input: a = 1996, b = 2004
            Output: 3
            Explanation: 1996, 2000 and 2004.

            Example 2:
            Input: a = 1900, b = 1900
            Output: 0
            Explanation: 1900 is divisible by 100 but not by 400.

            Constraints:
            1 <= a, b <= 10^4
        """),
        starter_code="def count_leap_years(a: int, b: int) -> int:\n",
        fn_name="count_leap_years",
        solution=_code("""
            def count_leap_years(a: int, b: int) -> int:
                if a > b:
                    a, b = b, a
                count = 0
                for year in range(a, b + 1):
                    if year % 400 == 0:
                        count += 1
                    elif year % 4 == 0 and year % 100 != 0:
                        count += 1
                return count
        """),
        inputs=[[1996, 2004], [1900, 1900], [2004, 1996], [2000, 2000], [1, 10000], [2001, 2003],
                [1897, 1905]],
    ),
    dict(
        id="hw/call/best-streak",
        difficulty="interview",
        question=_text("""
            A trader records the gain (or loss, when negative) of each day in the list gains.
            A streak is a non-empty run of consecutive days. Return the largest total gain of
            any streak. When every day is a loss, the best streak is the single smallest loss.

            Example 1:
            Input: gains = [-3, 4, -1, 2, -5, 3]
            Output: 5
            Explanation: The streak [4, -1, 2] gains 5.

            Example 2:
            Input: gains = [-4, -2, -7]
            Output: -2

            Constraints:
            1 <= len(gains) <= 10^5
            -10^4 <= gains[i] <= 10^4
        """),
        starter_code="class Solution:\n    def bestStreak(self, gains: list[int]) -> int:\n",
        fn_name="bestStreak",
        solution=_code("""
            class Solution:
                def bestStreak(self, gains: list[int]) -> int:
                    best = current = gains[0]
                    for g in gains[1:]:
                        if current < 0:
                            current = g
                        else:
                            current += g
                        if current > best:
                            best = current
                    return best
        """),
        inputs=[[[-3, 4, -1, 2, -5, 3]], [[-4, -2, -7]], [[5]], [[-1]], [[0, 0, 0]],
                [[2, 3, -10, 4]], [[1, -1, 1, -1, 1]], [[10, -3, 10, -30, 15]]],
    ),
    dict(
        id="hw/call/first-unique-letter",
        difficulty="introductory",
        question=_text("""
            Given a string s, return the index of the first letter in s that appears exactly
            once, comparing letters without regard to case ('A' and 'a' are the same letter).
            Characters that are not letters are ignored. If every letter repeats, or there are
            no letters, return -1.

            Example 1:
            Input: s = "Stress test"
            Output: 2
            Explanation: s, t and e all repeat; r at index 2 appears once.

            Example 2:
            Input: s = "Aa bB"
            Output: -1

            Constraints:
            0 <= len(s) <= 10^5
        """),
        starter_code="def first_unique_index(s: str) -> int:\n",
        fn_name="first_unique_index",
        solution=_code("""
            def first_unique_index(s: str) -> int:
                counts = {}
                for ch in s.lower():
                    if ch.isalpha():
                        counts[ch] = counts.get(ch, 0) + 1
                for i, ch in enumerate(s.lower()):
                    if ch.isalpha() and counts[ch] == 1:
                        return i
                return -1
        """),
        inputs=[["Stress test"], ["Aa bB"], [""], ["123 !!"], ["z"], ["abcabd"], ["1 2 x"],
                ["Level up"]],
    ),
    dict(
        id="hw/call/headline-case",
        difficulty="introductory",
        question=_text("""
            Format a title in headline case. Split it into words on whitespace and join them
            back with single spaces. A word that contains a digit is kept exactly as written.
            Otherwise the small words a, an, and, in, of, on, or, the, to are written in lower
            case, unless they are the first or the last word; every other word gets an upper
            case first letter and lower case for the rest.

            Example 1:
            Input: title = "the lord OF the rings"
            Output: "The Lord of the Rings"

            Example 2:
            Input: title = "  war and   peace in 3D "
            Output: "War and Peace in 3D"

            Constraints:
            0 <= len(title) <= 1000
        """),
        starter_code="def headline_case(title: str) -> str:\n",
        fn_name="headline_case",
        solution=_code("""
            def headline_case(title: str) -> str:
                small = {"a", "an", "and", "in", "of", "on", "or", "the", "to"}
                words = title.split()
                result = []
                for i, word in enumerate(words):
                    lower = word.lower()
                    if any(ch.isdigit() for ch in word):
                        result.append(word)
                    elif 0 < i < len(words) - 1 and lower in small:
                        result.append(lower)
                    else:
                        result.append(lower[:1].upper() + lower[1:])
                return " ".join(result)
        """),
        inputs=[["the lord OF the rings"], ["  war and   peace in 3D "], [""], ["of"],
                ["a tale of two cities"], ["WHERE TO"], ["r2d2 and c3po"]],
    ),
    dict(
        id="hw/call/is-mountain",
        difficulty="introductory",
        question=_text("""
            A list of heights is a mountain if it has at least three elements, strictly rises
            from the first element to some peak that is neither the first nor the last element,
            and then strictly falls to the last element. Return whether heights is a mountain.

            Example 1:
            Input: heights = [1, 4, 6, 5, 2]
            Output: True

            Example 2:
            Input: heights = [1, 3, 3, 2]
            Output: False
            Explanation: The top is flat, so the rise is not followed by a strict fall.

            Example 3:
            Input: heights = [1, 2, 3]
            Output: False

            Constraints:
            0 <= len(heights) <= 10^4
            0 <= heights[i] <= 10^4
        """),
        starter_code="class Solution:\n    def isMountain(self, heights: list[int]) -> bool:\n",
        fn_name="isMountain",
        solution=_code("""
            class Solution:
                def isMountain(self, heights: list[int]) -> bool:
                    n = len(heights)
                    if n < 3:
                        return False
                    i = 0
                    while i + 1 < n and heights[i] < heights[i + 1]:
                        i += 1
                    if i == 0 or i == n - 1:
                        return False
                    while i + 1 < n and heights[i] > heights[i + 1]:
                        i += 1
                    return i == n - 1
        """),
        inputs=[[[1, 4, 6, 5, 2]], [[1, 3, 3, 2]], [[1, 2, 3]], [[3, 2, 1]], [[]], [[1, 2]],
                [[0, 1, 0]], [[1, 2, 1, 2, 1]]],
    ),
    dict(
        id="hw/call/best-trade",
        difficulty="interview",
        question=_text("""
            prices[i] is the price of a share on day i. You may buy one share on one day and
            sell it on a later day. Return [buy_day, sell_day] for the trade with the largest
            profit. If several trades tie, return the one with the earliest selling day, and
            among those the earliest buying day. If no trade makes a positive profit, return [].

            Example 1:
            Input: prices = [7, 2, 5, 1, 4, 6]
            Output: [3, 5]
            Explanation: Buying at 1 on day 3 and selling at 6 on day 5 earns 5.

            Example 2:
            Input: prices = [5, 4, 3]
            Output: []

            Constraints:
            0 <= len(prices) <= 10^5
            1 <= prices[i] <= 10^4
        """),
        starter_code="def best_trade(prices: list[int]) -> list[int]:\n",
        fn_name="best_trade",
        solution=_code("""
            def best_trade(prices: list[int]) -> list[int]:
                best = []
                best_profit = 0
                low_day = 0
                for day in range(1, len(prices)):
                    if prices[day] < prices[low_day]:
                        low_day = day
                    elif prices[day] - prices[low_day] > best_profit:
                        best_profit = prices[day] - prices[low_day]
                        best = [low_day, day]
                return best
        """),
        inputs=[[[7, 2, 5, 1, 4, 6]], [[5, 4, 3]], [[]], [[3]], [[1, 3, 0, 2]], [[2, 2, 2]],
                [[1, 1, 5, 5]], [[9, 1, 8, 1, 8]]],
    ),
    dict(
        id="hw/call/pascal-row",
        difficulty="introductory",
        question=_text("""
            Return row k of Pascal's triangle, counting the top row [1] as row 0. Each entry
            is the sum of the two entries above it. For a negative k return [].

            Example 1:
            Input: k = 4
            Output: [1, 4, 6, 4, 1]

            Example 2:
            Input: k = 0
            Output: [1]

            Constraints:
            -10 <= k <= 30
        """),
        starter_code="def pascal_row(k: int) -> list[int]:\n",
        fn_name="pascal_row",
        solution=_code("""
            def pascal_row(k: int) -> list[int]:
                if k < 0:
                    return []
                row = [1]
                for i in range(1, k + 1):
                    if i > k // 2:
                        row.append(row[k - i])  # the row is symmetric
                    else:
                        row.append(row[-1] * (k - i + 1) // i)
                return row
        """),
        inputs=[[4], [0], [-3], [1], [5], [10], [30]],
    ),
    dict(
        id="hw/call/diagonal-sum",
        difficulty="introductory",
        question=_text("""
            Given a square matrix, return the sum of the entries on its main diagonal (top left
            to bottom right) and on its anti-diagonal (top right to bottom left). When the size
            is odd, the centre entry lies on both diagonals but is counted only once.

            Example 1:
            Input: matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
            Output: 25
            Explanation: 1 + 5 + 9 + 3 + 7 = 25; the centre 5 is counted once.

            Example 2:
            Input: matrix = [[1, 2], [3, 4]]
            Output: 10

            Constraints:
            0 <= n <= 100, the matrix is n x n
            -1000 <= matrix[i][j] <= 1000
        """),
        starter_code="def diagonal_sum(matrix: list[list[int]]) -> int:\n",
        fn_name="diagonal_sum",
        solution=_code("""
            def diagonal_sum(matrix: list[list[int]]) -> int:
                n = len(matrix)
                total = 0
                for i in range(n):
                    total += matrix[i][i]
                    if i != n - 1 - i:
                        total += matrix[i][n - 1 - i]
                return total
        """),
        inputs=[[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [[[1, 2], [3, 4]]], [[]], [[[-6]]],
                [[[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1]]],
                [[[5, 0, -5], [0, 10, 0], [-5, 0, 5]]]],
    ),
    dict(
        id="hw/call/group-by-initial",
        difficulty="introductory",
        question=_text("""
            Group words by their first character. The key of a group is the first character in
            lower case, or "#" when the first character is not a letter. Inside a group, keep
            the words in the order they first appear and drop exact duplicates (comparison is
            case-sensitive). Empty strings are skipped. Return the groups as a dict.

            Example 1:
            Input: words = ["apple", "Avocado", "banana", "apple", "42nd", ""]
            Output: {"a": ["apple", "Avocado"], "b": ["banana"], "#": ["42nd"]}

            Example 2:
            Input: words = []
            Output: {}

            Constraints:
            0 <= len(words) <= 10^4
        """),
        starter_code="def group_by_initial(words: list[str]) -> dict[str, list[str]]:\n",
        fn_name="group_by_initial",
        solution=_code("""
            def group_by_initial(words: list[str]) -> dict[str, list[str]]:
                groups = {}
                for word in words:
                    if not word:
                        continue
                    key = word[0].lower()
                    if not key.isalpha():
                        key = "#"
                    bucket = groups.setdefault(key, [])
                    if word not in bucket:
                        bucket.append(word)
                return groups
        """),
        inputs=[[["apple", "Avocado", "banana", "apple", "42nd", ""]], [[]], [[""]],
                [["Zed", "zed", "Zed"]], [["!x", "?y", "3"]], [["cat", "dog", "cow", "Dove"]]],
    ),
    dict(
        id="hw/call/majority-value",
        difficulty="interview",
        question=_text("""
            Given a list of integers nums, return the value that occurs in more than half of
            the positions, or None if no value does. Aim for O(n) time and O(1) extra space.

            Example 1:
            Input: nums = [2, 7, 2, 2, 5]
            Output: 2
            Explanation: 2 occurs 3 times out of 5.

            Example 2:
            Input: nums = [1, 2, 1, 2]
            Output: None
            Explanation: Exactly half is not more than half.

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="class Solution:\n    def majority(self, nums: list[int]) -> int | None:\n",
        fn_name="majority",
        solution=_code("""
            class Solution:
                def majority(self, nums: list[int]) -> int | None:
                    candidate, votes = None, 0
                    for x in nums:
                        if votes == 0:
                            candidate, votes = x, 1
                        elif x == candidate:
                            votes += 1
                        else:
                            votes -= 1
                    if candidate is not None and nums.count(candidate) * 2 > len(nums):
                        return candidate
                    return None
        """),
        inputs=[[[2, 7, 2, 2, 5]], [[1, 2, 1, 2]], [[]], [[-4]], [[3, 3, 4]], [[1, 2, 3]],
                [[5, 1, 5, 2, 5, 3, 5]], [[0, 0, 1, 1, 1]]],
    ),
    dict(
        id="hw/call/sign-partition",
        difficulty="introductory",
        question=_text("""
            Rearrange a list of integers so that all negative numbers come first, then all
            zeros, then all positive numbers. Inside each group keep the original order.
            Return the rearranged list.

            Example 1:
            Input: nums = [3, -1, 0, -4, 2, 0]
            Output: [-1, -4, 0, 0, 3, 2]

            Example 2:
            Input: nums = [5, 4]
            Output: [5, 4]

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="def sign_partition(nums: list[int]) -> list[int]:\n",
        fn_name="sign_partition",
        solution=_code("""
            def sign_partition(nums: list[int]) -> list[int]:
                negatives, zeros, positives = [], [], []
                for x in nums:
                    if x < 0:
                        negatives.append(x)
                    elif x == 0:
                        zeros.append(x)
                    else:
                        positives.append(x)
                return negatives + zeros + positives
        """),
        inputs=[[[3, -1, 0, -4, 2, 0]], [[5, 4]], [[]], [[0]], [[-2, -7]], [[0, 0, -1, 1, 0]],
                [[1, -1, 2, -2, 3, -3]]],
    ),
    dict(
        id="hw/call/duration-to-minutes",
        difficulty="interview",
        question=_text("""
            A duration is written as one or more parts, each a number followed by a unit: "d"
            (days), "h" (hours) or "m" (minutes), for example "1h30m" or "2d5m". Units must
            appear in the order d, h, m, each at most once, and every part needs both a number
            and a unit. Return the total number of minutes, or -1 if the string is not a valid
            duration (including the empty string).

            Example 1:
            Input: duration = "1h30m"
            Output: 90

            Example 2:
            Input: duration = "2d5m"
            Output: 2885
            Explanation: 2 * 1440 + 5 = 2885.

            Example 3:
            Input: duration = "30m1h"
            Output: -1
            Explanation: Hours may not come after minutes.

            Constraints:
            0 <= len(duration) <= 30
        """),
        starter_code="class Solution:\n    def toMinutes(self, duration: str) -> int:\n",
        fn_name="toMinutes",
        solution=_code("""
            class Solution:
                def toMinutes(self, duration: str) -> int:
                    factor = {"d": 1440, "h": 60, "m": 1}
                    order = "dhm"
                    total, digits, last = 0, "", -1
                    for ch in duration:
                        if ch.isdigit():
                            digits += ch
                        elif ch in factor and digits and order.index(ch) > last:
                            total += int(digits) * factor[ch]
                            last = order.index(ch)
                            digits = ""
                        else:
                            return -1
                    if digits or last == -1:
                        return -1
                    return total
        """),
        inputs=[["1h30m"], ["2d5m"], ["30m1h"], [""], ["15"], ["0m"], ["h"], ["1x"], ["3h3h"],
                ["1d1h1m"]],
    ),
    dict(
        id="hw/call/longest-distinct-run",
        difficulty="interview",
        question=_text("""
            Given a string s, return the length of the longest substring (a contiguous block of
            characters) in which no character appears twice.

            Example 1:
            Input: s = "monomial"
            Output: 6
            Explanation: "nomial" has six different characters.

            Example 2:
            Input: s = "aaaa"
            Output: 1

            Constraints:
            0 <= len(s) <= 10^5
        """),
        starter_code="def longest_distinct_run(s: str) -> int:\n",
        fn_name="longest_distinct_run",
        solution=_code("""
            def longest_distinct_run(s: str) -> int:
                last_seen = {}
                start = best = 0
                for i, ch in enumerate(s):
                    if ch in last_seen and last_seen[ch] >= start:
                        start = last_seen[ch] + 1
                    last_seen[ch] = i
                    if i - start + 1 > best:
                        best = i - start + 1
                return best
        """),
        inputs=[["monomial"], ["aaaa"], [""], ["x"], ["abcdef"], ["abba"], ["dvdf"],
                ["tmmzuxt"]],
    ),
    dict(
        id="hw/call/fewest-coins",
        difficulty="interview",
        question=_text("""
            You have an unlimited supply of coins of each value in coins. Return the fewest
            coins that add up to exactly amount, or -1 if amount cannot be made. Making 0 needs
            no coins.

            Example 1:
            Input: coins = [1, 5, 12], amount = 16
            Output: 4
            Explanation: 5 + 5 + 5 + 1 uses four coins; taking the 12 first would need five.

            Example 2:
            Input: coins = [4, 6], amount = 7
            Output: -1

            Constraints:
            1 <= len(coins) <= 12
            1 <= coins[i] <= 10^4
            0 <= amount <= 10^4
        """),
        starter_code="class Solution:\n    def fewestCoins(self, coins: list[int], amount: int) -> int:\n",
        fn_name="fewestCoins",
        solution=_code("""
            class Solution:
                def fewestCoins(self, coins: list[int], amount: int) -> int:
                    if amount == 0:
                        return 0
                    unreachable = amount + 1
                    best = [0] + [unreachable] * amount
                    for value in range(1, amount + 1):
                        for c in coins:
                            if c <= value and best[value - c] + 1 < best[value]:
                                best[value] = best[value - c] + 1
                    if best[amount] == unreachable:
                        return -1
                    return best[amount]
        """),
        inputs=[[[1, 5, 12], 16], [[4, 6], 7], [[3], 0], [[2], 3], [[7], 7], [[1, 2, 5], 11],
                [[186, 419, 83, 408], 6249], [[5, 10], 10000]],
    ),
    dict(
        id="hw/call/count-islands",
        difficulty="interview",
        question=_text("""
            A map is given as a list of equal-length strings; "#" is land and "." is water.
            An island is a group of land cells connected up, down, left or right (not
            diagonally). Return the number of islands.

            Example 1:
            Input: grid = ["##..", "#..#", "..##"]
            Output: 2

            Example 2:
            Input: grid = ["#.#", ".#.", "#.#"]
            Output: 5
            Explanation: Diagonal neighbours are not connected.

            Constraints:
            0 <= len(grid) <= 100
            0 <= len(grid[i]) <= 100
        """),
        starter_code="def count_islands(grid: list[str]) -> int:\n",
        fn_name="count_islands",
        solution=_code("""
            def count_islands(grid: list[str]) -> int:
                seen = set()
                islands = 0
                for r in range(len(grid)):
                    for c in range(len(grid[r])):
                        if grid[r][c] != "#" or (r, c) in seen:
                            continue
                        islands += 1
                        seen.add((r, c))
                        stack = [(r, c)]
                        while stack:
                            y, x = stack.pop()
                            for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                                inside = 0 <= ny < len(grid) and 0 <= nx < len(grid[ny])
                                if inside and grid[ny][nx] == "#" and (ny, nx) not in seen:
                                    seen.add((ny, nx))
                                    stack.append((ny, nx))
                return islands
        """),
        inputs=[[["##..", "#..#", "..##"]], [["#.#", ".#.", "#.#"]], [[]], [["...."]], [["#"]],
                [["####", "#..#", "####"]], [["#..#", "....", "#..#", ".##."]]],
    ),
    dict(
        id="hw/call/insert-position",
        difficulty="introductory",
        question=_text("""
            Given a list of distinct integers sorted in ascending order and a target value,
            return the index of target if it is in the list; otherwise return the index at
            which it would have to be inserted to keep the list sorted. Use binary search
            (O(log n) time).

            Example 1:
            Input: nums = [2, 4, 8, 16], target = 9
            Output: 3

            Example 2:
            Input: nums = [2, 4, 8, 16], target = 4
            Output: 1

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i], target <= 10^9
        """),
        starter_code="def insert_position(nums: list[int], target: int) -> int:\n",
        fn_name="insert_position",
        solution=_code("""
            def insert_position(nums: list[int], target: int) -> int:
                lo, hi = 0, len(nums)
                while lo < hi:
                    mid = (lo + hi) // 2
                    if nums[mid] == target:
                        return mid
                    if nums[mid] < target:
                        lo = mid + 1
                    else:
                        hi = mid
                return lo
        """),
        inputs=[[[2, 4, 8, 16], 9], [[2, 4, 8, 16], 4], [[], 5], [[3], 1], [[3], 7],
                [[-9, -3, 0, 5], 0], [[1, 3, 5, 7, 9, 11], 12], [[1, 3, 5, 7, 9, 11], -100]],
    ),
    dict(
        id="hw/call/longest-word",
        difficulty="introductory",
        question=_text("""
            Given a sentence, return its longest word. Words are separated by whitespace, and
            the punctuation marks . , ! ? ; : are stripped from both ends of a word. Tokens made
            only of digits are numbers, not words, and are skipped. If several words share the
            greatest length, return the first. If there is no word, return "".

            Example 1:
            Input: sentence = "Hello, wonderful world!"
            Output: "wonderful"

            Example 2:
            Input: sentence = "It costs 1000000 dollars."
            Output: "dollars"

            Constraints:
            0 <= len(sentence) <= 10^4
        """),
        starter_code="def longest_word(sentence: str) -> str:\n",
        fn_name="longest_word",
        solution=_code("""
            def longest_word(sentence: str) -> str:
                best = ""
                for token in sentence.split():
                    word = token.strip(".,!?;:")
                    if word.isdigit():
                        continue
                    if len(word) > len(best):
                        best = word
                return best
        """),
        inputs=[["Hello, wonderful world!"], ["It costs 1000000 dollars."], [""], ["12 345"],
                ["cat dog"], ["Well... well, WELL!!"], ["state-of-the-art design"]],
    ),
    dict(
        id="hw/call/happy-steps",
        difficulty="introductory",
        question=_text("""
            Start from a positive integer n and repeatedly replace it by the sum of the squares
            of its digits. Return the number of replacements needed to reach 1. If the process
            never reaches 1 (it enters a cycle that does not contain 1), return -1.

            Example 1:
            Input: n = 19
            Output: 4
            Explanation: 19 -> 82 -> 68 -> 100 -> 1.

            Example 2:
            Input: n = 4
            Output: -1
            Explanation: 4 -> 16 -> 37 -> 58 -> 89 -> 145 -> 42 -> 20 -> 4 repeats forever.

            Constraints:
            1 <= n <= 10^9
        """),
        starter_code="class Solution:\n    def happySteps(self, n: int) -> int:\n",
        fn_name="happySteps",
        solution=_code("""
            class Solution:
                def happySteps(self, n: int) -> int:
                    seen = set()
                    steps = 0
                    while n != 1:
                        if n in seen:
                            return -1
                        seen.add(n)
                        n = sum(int(d) ** 2 for d in str(n))
                        steps += 1
                    return steps
        """),
        inputs=[[19], [4], [1], [7], [2], [100], [999999999]],
    ),
    dict(
        id="hw/call/product-except-self",
        difficulty="interview",
        question=_text("""
            Given a list of integers nums, return a list answer where answer[i] is the product
            of all elements of nums except nums[i]. Take care with zeros: the list may contain
            none, one or several.

            Example 1:
            Input: nums = [2, 3, 0, 5]
            Output: [0, 0, 30, 0]

            Example 2:
            Input: nums = [3, -2, 4]
            Output: [-8, 12, -6]

            Constraints:
            1 <= len(nums) <= 10^4
            -30 <= nums[i] <= 30
        """),
        starter_code="def product_except_self(nums: list[int]) -> list[int]:\n",
        fn_name="product_except_self",
        solution=_code("""
            def product_except_self(nums: list[int]) -> list[int]:
                zeros = nums.count(0)
                if zeros > 1:
                    return [0] * len(nums)
                product = 1
                for x in nums:
                    if x != 0:
                        product *= x
                result = []
                for x in nums:
                    if zeros == 0:
                        result.append(product // x)
                    elif x == 0:
                        result.append(product)
                    else:
                        result.append(0)
                return result
        """),
        inputs=[[[2, 3, 0, 5]], [[3, -2, 4]], [[7]], [[0]], [[0, 4, 0]], [[1, 1, 1, 1]],
                [[-1, -1, 2, -3]]],
    ),
    dict(
        id="hw/call/meeting-rooms",
        difficulty="interview",
        question=_text("""
            Each meeting is given as [start, end] and occupies a room from start up to, but not
            including, end; so a meeting ending at 5 and one starting at 5 can share a room. A
            meeting with start == end needs no room. Return the minimum number of rooms needed
            to hold all the meetings.

            Example 1:
            Input: meetings = [[9, 12], [10, 11], [11, 13], [13, 14]]
            Output: 2

            Example 2:
            Input: meetings = [[1, 5], [5, 8]]
            Output: 1

            Constraints:
            0 <= len(meetings) <= 10^4
            0 <= start <= end <= 10^6
        """),
        starter_code="class Solution:\n    def minRooms(self, meetings: list[list[int]]) -> int:\n",
        fn_name="minRooms",
        solution=_code("""
            class Solution:
                def minRooms(self, meetings: list[list[int]]) -> int:
                    events = []
                    for start, end in meetings:
                        if start < end:
                            events.append((start, 1))
                            events.append((end, -1))
                    events.sort()  # at equal times the end (-1) sorts before the start (+1)
                    rooms = busy = 0
                    for _, delta in events:
                        busy += delta
                        if busy > rooms:
                            rooms = busy
                    return rooms
        """),
        inputs=[[[[9, 12], [10, 11], [11, 13], [13, 14]]], [[[1, 5], [5, 8]]], [[]], [[[3, 3]]],
                [[[0, 10], [0, 10], [0, 10]]], [[[1, 4], [2, 3], [3, 6], [5, 7], [6, 8]]],
                [[[4, 4], [1, 2]]]],
    ),
    dict(
        id="hw/call/caesar-shift",
        difficulty="introductory",
        question=_text("""
            Encrypt text with a Caesar cipher: shift every English letter by shift places in the
            alphabet, wrapping around from z to a, and keep its case. A negative shift moves
            letters backwards. All other characters are unchanged.

            Example 1:
            Input: text = "Hello, World!", shift = 3
            Output: "Khoor, Zruog!"

            Example 2:
            Input: text = "abc", shift = -1
            Output: "zab"

            Constraints:
            0 <= len(text) <= 10^4
            -10^6 <= shift <= 10^6
        """),
        starter_code="def caesar(text: str, shift: int) -> str:\n",
        fn_name="caesar",
        solution=_code("""
            def caesar(text: str, shift: int) -> str:
                out = []
                for ch in text:
                    if "a" <= ch <= "z":
                        out.append(chr((ord(ch) - ord("a") + shift) % 26 + ord("a")))
                    elif "A" <= ch <= "Z":
                        out.append(chr((ord(ch) - ord("A") + shift) % 26 + ord("A")))
                    else:
                        out.append(ch)
                return "".join(out)
        """),
        inputs=[["Hello, World!", 3], ["abc", -1], ["", 5], ["xyz XYZ", 26], ["Zebra 42", 1],
                ["Mixed Case", -27], ["quick", 1000000]],
    ),
    dict(
        id="hw/call/eval-postfix",
        difficulty="interview",
        question=_text("""
            Evaluate an arithmetic expression in postfix notation (reverse Polish notation).
            tokens holds integers (possibly negative, like "-2") and the operators "+", "-",
            "*" and "/". Division truncates toward zero. Return the value, or None when the
            expression is invalid: an operator finds fewer than two operands, a division by
            zero happens, or more than one value is left at the end (or none at all).

            Example 1:
            Input: tokens = ["3", "4", "+", "2", "*"]
            Output: 14
            Explanation: (3 + 4) * 2 = 14.

            Example 2:
            Input: tokens = ["7", "-2", "/"]
            Output: -3
            Explanation: 7 / -2 = -3.5, truncated toward zero.

            Example 3:
            Input: tokens = ["1", "+"]
            Output: None

            Constraints:
            0 <= len(tokens) <= 10^4
            Every intermediate value fits in the range [-10^9, 10^9].
        """),
        starter_code="class Solution:\n    def evalPostfix(self, tokens: list[str]) -> int | None:\n",
        fn_name="evalPostfix",
        solution=_code("""
            class Solution:
                def evalPostfix(self, tokens: list[str]) -> int | None:
                    stack = []
                    for tok in tokens:
                        if tok not in ("+", "-", "*", "/"):
                            stack.append(int(tok))
                            continue
                        if len(stack) < 2:
                            return None
                        b, a = stack.pop(), stack.pop()
                        if tok == "+":
                            stack.append(a + b)
                        elif tok == "-":
                            stack.append(a - b)
                        elif tok == "*":
                            stack.append(a * b)
                        elif b == 0:
                            return None
                        else:
                            stack.append(int(a / b))
                    if len(stack) != 1:
                        return None
                    return stack[0]
        """),
        inputs=[[["3", "4", "+", "2", "*"]], [["7", "-2", "/"]], [["1", "+"]], [[]], [["42"]],
                [["1", "2"]], [["5", "0", "/"]], [["2", "10", "-", "3", "*", "-5", "/"]]],
    ),
    dict(
        id="hw/call/common-prefix",
        difficulty="introductory",
        question=_text("""
            Return the longest string that is a prefix of every word in words. If words is
            empty, or the words share no prefix, return "".

            Example 1:
            Input: words = ["interview", "internet", "interval"]
            Output: "inter"

            Example 2:
            Input: words = ["dog", "cat"]
            Output: ""

            Constraints:
            0 <= len(words) <= 200
            0 <= len(words[i]) <= 200
        """),
        starter_code="def common_prefix(words: list[str]) -> str:\n",
        fn_name="common_prefix",
        solution=_code("""
            def common_prefix(words: list[str]) -> str:
                if not words:
                    return ""
                prefix = words[0]
                for word in words[1:]:
                    while not word.startswith(prefix):
                        prefix = prefix[:-1]
                    if not prefix:
                        break
                return prefix
        """),
        inputs=[[["interview", "internet", "interval"]], [["dog", "cat"]], [[]], [["alone"]],
                [["same", "same", "same"]], [["abc", "ab", "a"]], [["", "abc"]],
                [["prefix", "pre", "prelude", "prey"]]],
    ),
    dict(
        id="hw/call/kth-missing-positive",
        difficulty="interview",
        question=_text("""
            nums is a strictly increasing list of positive integers. Consider the positive
            integers that are not in nums, in increasing order. Return the k-th of them
            (counting from 1). Aim for O(log n) time.

            Example 1:
            Input: nums = [2, 3, 7, 11], k = 5
            Output: 8
            Explanation: The missing numbers are 1, 4, 5, 6, 8, 9, ...; the fifth is 8.

            Example 2:
            Input: nums = [1, 2, 3], k = 2
            Output: 5

            Constraints:
            0 <= len(nums) <= 10^5
            1 <= nums[i] <= 10^9
            1 <= k <= 10^9
        """),
        starter_code="def kth_missing(nums: list[int], k: int) -> int:\n",
        fn_name="kth_missing",
        solution=_code("""
            def kth_missing(nums: list[int], k: int) -> int:
                lo, hi = 0, len(nums)
                while lo < hi:
                    mid = (lo + hi) // 2
                    missing_before = nums[mid] - (mid + 1)
                    if missing_before < k:
                        lo = mid + 1
                    else:
                        hi = mid
                return lo + k
        """),
        inputs=[[[2, 3, 7, 11], 5], [[1, 2, 3], 2], [[], 4], [[5], 1], [[5], 4], [[5], 5],
                [[1, 10, 100], 1000000000]],
    ),
    dict(
        id="hw/call/peak-indices",
        difficulty="introductory",
        question=_text("""
            An index i of nums is a peak if nums[i] is strictly greater than each neighbour it
            has (the first and last elements have only one neighbour; a single element has
            none and is a peak). Return the list of all peak indices in increasing order.

            Example 1:
            Input: nums = [1, 3, 2, 2, 5]
            Output: [1, 4]

            Example 2:
            Input: nums = [4, 4]
            Output: []

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="def peak_indices(nums: list[int]) -> list[int]:\n",
        fn_name="peak_indices",
        solution=_code("""
            def peak_indices(nums: list[int]) -> list[int]:
                peaks = []
                for i, x in enumerate(nums):
                    if i > 0 and nums[i - 1] >= x:
                        continue
                    if i < len(nums) - 1 and nums[i + 1] >= x:
                        continue
                    peaks.append(i)
                return peaks
        """),
        inputs=[[[1, 3, 2, 2, 5]], [[4, 4]], [[]], [[-8]], [[5, 1, 5, 1, 5]], [[1, 2, 3, 4]],
                [[0, -1, 0, -1]]],
    ),
    dict(
        id="hw/call/read-number",
        difficulty="interview",
        question=_text("""
            Read an integer from the start of a string, the way a lenient parser would:
            1. Skip leading spaces.
            2. Read an optional sign, "+" or "-".
            3. Read digits until the first non-digit character or the end of the string.
            If no digits were read, the value is 0. Clamp the result to the 32-bit signed range
            [-2147483648, 2147483647] and return it.

            Example 1:
            Input: s = "   -042abc"
            Output: -42

            Example 2:
            Input: s = "words 7"
            Output: 0
            Explanation: Reading stops at "w" before any digit.

            Example 3:
            Input: s = "99999999999"
            Output: 2147483647

            Constraints:
            0 <= len(s) <= 200
        """),
        starter_code="class Solution:\n    def readNumber(self, s: str) -> int:\n",
        fn_name="readNumber",
        solution=_code("""
            class Solution:
                def readNumber(self, s: str) -> int:
                    i, n = 0, len(s)
                    while i < n and s[i] == " ":
                        i += 1
                    sign = 1
                    if i < n and s[i] in "+-":
                        if s[i] == "-":
                            sign = -1
                        i += 1
                    value = 0
                    while i < n and s[i].isdigit():
                        value = value * 10 + int(s[i])
                        i += 1
                    value *= sign
                    if value > 2**31 - 1:
                        return 2**31 - 1
                    if value < -2**31:
                        return -2**31
                    return value
        """),
        inputs=[["   -042abc"], ["words 7"], ["99999999999"], [""], ["+17"], ["-"],
                ["-2147483649"], ["  12 34"], ["+-5"]],
    ),
    dict(
        id="hw/call/split-equal-sum",
        difficulty="interview",
        question=_text("""
            Given a list of non-negative integers nums, return whether it can be split into two
            groups (every element in exactly one group, a group may be empty) whose sums are
            equal.

            Example 1:
            Input: nums = [3, 1, 4, 2]
            Output: True
            Explanation: 3 + 2 = 1 + 4 = 5.

            Example 2:
            Input: nums = [1, 2, 5]
            Output: False

            Constraints:
            0 <= len(nums) <= 200
            0 <= nums[i] <= 100
        """),
        starter_code="def can_split_equal(nums: list[int]) -> bool:\n",
        fn_name="can_split_equal",
        solution=_code("""
            def can_split_equal(nums: list[int]) -> bool:
                total = sum(nums)
                if total % 2 == 1:
                    return False
                target = total // 2
                reachable = {0}
                for x in nums:
                    reachable |= {s + x for s in reachable if s + x <= target}
                    if target in reachable:
                        return True
                return target in reachable
        """),
        inputs=[[[3, 1, 4, 2]], [[1, 2, 5]], [[]], [[0]], [[7]], [[2, 3, 4]], [[6, 6]],
                [[100] * 99 + [50, 50]], [[1] * 200]],
    ),
    dict(
        id="hw/call/top-k-words",
        difficulty="interview",
        question=_text("""
            A word is a maximal run of letters; case does not matter, so compare words in lower
            case. Given a text and an integer k, return the k most frequent words in lower case,
            most frequent first; words with equal counts are ordered alphabetically. If the
            text has fewer than k distinct words, return all of them.

            Example 1:
            Input: text = "the cat and the hat and the bat", k = 2
            Output: ["the", "and"]

            Example 2:
            Input: text = "B a b A c", k = 5
            Output: ["a", "b", "c"]

            Constraints:
            0 <= len(text) <= 10^5
            text contains ASCII characters only
            0 <= k <= 1000
        """),
        starter_code="def top_k_words(text: str, k: int) -> list[str]:\n",
        fn_name="top_k_words",
        solution=_code("""
            def top_k_words(text: str, k: int) -> list[str]:
                counts = {}
                word = ""
                for ch in text.lower() + " ":
                    if ch.isalpha():
                        word += ch
                    elif word:
                        counts[word] = counts.get(word, 0) + 1
                        word = ""
                ranked = sorted(counts, key=lambda w: (-counts[w], w))
                return ranked[:k]
        """),
        inputs=[["the cat and the hat and the bat", 2], ["B a b A c", 5], ["", 3], ["one", 0],
                ["don't stop, don't!", 2], ["x-ray x ray X", 1], ["z y x w", 3]],
    ),
    dict(
        id="hw/call/saddle-points",
        difficulty="interview",
        question=_text("""
            A saddle point of a matrix is a cell whose value is the largest in its row (ties
            allowed) and the smallest in its column (ties allowed). Return the positions
            [row, column] of all saddle points, in row-major order. An empty matrix, or one
            with empty rows, has none.

            Example 1:
            Input: matrix = [[3, 8, 4], [6, 7, 5], [9, 9, 2]]
            Output: [[1, 1]]
            Explanation: 7 is the maximum of row 1 and the minimum of column 1.

            Example 2:
            Input: matrix = [[1, 1], [1, 1]]
            Output: [[0, 0], [0, 1], [1, 0], [1, 1]]

            Constraints:
            0 <= rows, columns <= 100
            All rows have the same length.
        """),
        starter_code="def saddle_points(matrix: list[list[int]]) -> list[list[int]]:\n",
        fn_name="saddle_points",
        solution=_code("""
            def saddle_points(matrix: list[list[int]]) -> list[list[int]]:
                if not matrix or not matrix[0]:
                    return []
                row_max = [max(row) for row in matrix]
                col_min = [min(col) for col in zip(*matrix)]
                points = []
                for r, row in enumerate(matrix):
                    for c, value in enumerate(row):
                        if value == row_max[r] and value == col_min[c]:
                            points.append([r, c])
                return points
        """),
        inputs=[[[[3, 8, 4], [6, 7, 5], [9, 9, 2]]], [[[1, 1], [1, 1]]], [[]], [[[]]], [[[5]]],
                [[[1, 2], [3, 4]]], [[[4, 5, 6], [1, 2, 3]]], [[[2, 1], [1, 2]]]],
    ),
    dict(
        id="hw/call/can-reach-end",
        difficulty="interview",
        question=_text("""
            You start on the first square of a board. jumps[i] is the longest jump you may make
            from square i: from i you can move to any square from i + 1 to i + jumps[i]. Return
            whether you can reach the last square.

            Example 1:
            Input: jumps = [1, 2, 0, 1]
            Output: True
            Explanation: 0 -> 1 -> 3.

            Example 2:
            Input: jumps = [2, 1, 0, 3]
            Output: False
            Explanation: Every path gets stuck on square 2.

            Constraints:
            1 <= len(jumps) <= 10^5
            0 <= jumps[i] <= 10^5
        """),
        starter_code="class Solution:\n    def canReachEnd(self, jumps: list[int]) -> bool:\n",
        fn_name="canReachEnd",
        solution=_code("""
            class Solution:
                def canReachEnd(self, jumps: list[int]) -> bool:
                    farthest = 0
                    for i, length in enumerate(jumps):
                        if i > farthest:
                            return False
                        if i + length > farthest:
                            farthest = i + length
                        if farthest >= len(jumps) - 1:
                            return True
                    return True
        """),
        inputs=[[[1, 2, 0, 1]], [[2, 1, 0, 3]], [[0]], [[0, 1]], [[5, 0, 0, 0, 0]],
                [[1, 1, 1, 0, 1]], [[3, 0, 0, 2, 0, 1]]],
    ),
    dict(
        id="hw/call/sock-pairs",
        difficulty="introductory",
        question=_text("""
            A drawer holds socks; colors[i] is the colour of sock i. Two socks of the same
            colour make a pair, and each sock can be in at most one pair. Return a list
            [pairs, unmatched]: the largest number of pairs and how many socks are left over.

            Example 1:
            Input: colors = ["red", "blue", "red", "green", "blue", "red"]
            Output: [2, 2]
            Explanation: One red pair and one blue pair; a red and the green sock are left.

            Example 2:
            Input: colors = []
            Output: [0, 0]

            Constraints:
            0 <= len(colors) <= 10^5
        """),
        starter_code="def sock_pairs(colors: list[str]) -> list[int]:\n",
        fn_name="sock_pairs",
        solution=_code("""
            def sock_pairs(colors: list[str]) -> list[int]:
                waiting = set()
                pairs = 0
                for color in colors:
                    if color in waiting:
                        waiting.remove(color)
                        pairs += 1
                    else:
                        waiting.add(color)
                return [pairs, len(waiting)]
        """),
        inputs=[[["red", "blue", "red", "green", "blue", "red"]], [[]], [["black"]],
                [["a", "a", "a", "a"]], [["a", "b", "c"]], [["x", "y", "x", "y", "x"]]],
    ),
    dict(
        id="hw/call/next-greater-circular",
        difficulty="interview",
        question=_text("""
            nums is a circular list: after the last element comes the first again. For every
            element, find the first strictly greater value met when walking forward from it
            (wrapping around at most once). Return these values, using None for an element that
            has no greater value anywhere.

            Example 1:
            Input: nums = [2, 5, 3, 1]
            Output: [5, None, 5, 2]
            Explanation: From 1, the walk wraps around and meets 2 first.

            Example 2:
            Input: nums = [7, 7]
            Output: [None, None]

            Constraints:
            0 <= len(nums) <= 10^5
            -10^9 <= nums[i] <= 10^9
        """),
        starter_code="class Solution:\n    def nextGreaterCircular(self, nums: list[int]) -> list[int | None]:\n",
        fn_name="nextGreaterCircular",
        solution=_code("""
            class Solution:
                def nextGreaterCircular(self, nums: list[int]) -> list[int | None]:
                    n = len(nums)
                    answer = [None] * n
                    stack = []  # indices still waiting, their values non-increasing
                    for i in range(2 * n):
                        x = nums[i % n]
                        while stack and nums[stack[-1]] < x:
                            answer[stack.pop()] = x
                        if i < n:
                            stack.append(i)
                    return answer
        """),
        inputs=[[[2, 5, 3, 1]], [[7, 7]], [[]], [[4]], [[1, 2, 3]], [[3, 2, 1]],
                [[-1, -5, 0, -2]]],
    ),
    dict(
        id="hw/call/password-problems",
        difficulty="introductory",
        question=_text("""
            Check a password against five rules and return the names of the rules it breaks,
            in this order:
            "length": it has fewer than 8 characters;
            "digit": it has no digit;
            "upper": it has no upper case letter;
            "lower": it has no lower case letter;
            "space": it contains a space.
            A password that breaks no rule gives [].

            Example 1:
            Input: password = "hunter2"
            Output: ["length", "upper"]

            Example 2:
            Input: password = "Correct Horse 9"
            Output: ["space"]

            Constraints:
            0 <= len(password) <= 100
        """),
        starter_code="def password_problems(password: str) -> list[str]:\n",
        fn_name="password_problems",
        solution=_code("""
            def password_problems(password: str) -> list[str]:
                problems = []
                if len(password) < 8:
                    problems.append("length")
                if not any(ch.isdigit() for ch in password):
                    problems.append("digit")
                if not any(ch.isupper() for ch in password):
                    problems.append("upper")
                if not any(ch.islower() for ch in password):
                    problems.append("lower")
                if " " in password:
                    problems.append("space")
                return problems
        """),
        inputs=[["hunter2"], ["Correct Horse 9"], [""], ["Tr0ub4dor&3"], ["ALLCAPS123"],
                ["        "], ["lowercaseonly"]],
    ),
    dict(
        id="hw/call/shortest-window",
        difficulty="interview",
        question=_text("""
            Given a list of positive integers nums and a positive integer target, return the
            length of the shortest contiguous sublist whose sum is at least target, or 0 if
            no sublist reaches target.

            Example 1:
            Input: nums = [2, 1, 5, 2, 3, 2], target = 7
            Output: 2
            Explanation: [5, 2] sums to 7.

            Example 2:
            Input: nums = [1, 1, 1], target = 100
            Output: 0

            Constraints:
            0 <= len(nums) <= 10^5
            1 <= nums[i] <= 10^4
            1 <= target <= 10^9
        """),
        starter_code="def shortest_window(nums: list[int], target: int) -> int:\n",
        fn_name="shortest_window",
        solution=_code("""
            def shortest_window(nums: list[int], target: int) -> int:
                best = 0
                window = left = 0
                for right, x in enumerate(nums):
                    window += x
                    while window >= target:
                        length = right - left + 1
                        if best == 0 or length < best:
                            best = length
                        window -= nums[left]
                        left += 1
                return best
        """),
        inputs=[[[2, 1, 5, 2, 3, 2], 7], [[1, 1, 1], 100], [[], 1], [[9], 9], [[9], 10],
                [[1, 2, 3, 4, 5], 15], [[1, 4, 4], 4], [[3, 1, 1, 1, 5], 6]],
    ),
    dict(
        id="hw/call/count-decodings",
        difficulty="interview",
        question=_text("""
            A message of capital letters was encoded by replacing each letter with its position
            in the alphabet: A -> "1", B -> "2", ..., Z -> "26", and the pieces were joined
            without separators. Given the digit string, return how many different messages
            could have produced it. A piece never has a leading zero ("06" is not F). The
            empty string has no decodings, so return 0 for it.

            Example 1:
            Input: digits = "1210"
            Output: 2
            Explanation: "1 2 10" (ABJ) and "12 10" (LJ).

            Example 2:
            Input: digits = "301"
            Output: 0
            Explanation: "30" is not a letter, and "0" alone is not either.

            Example 3:
            Input: digits = "2611"
            Output: 4

            Constraints:
            0 <= len(digits) <= 100
            digits contains only the characters 0-9.
        """),
        starter_code="class Solution:\n    def countDecodings(self, digits: str) -> int:\n",
        fn_name="countDecodings",
        solution=_code("""
            class Solution:
                def countDecodings(self, digits: str) -> int:
                    if not digits:
                        return 0
                    prev, cur = 0, 1  # decodings of the prefixes of length i - 2 and i - 1
                    for i in range(1, len(digits) + 1):
                        ways = 0
                        if digits[i - 1] != "0":
                            ways += cur
                        if i >= 2 and 10 <= int(digits[i - 2:i]) <= 26:
                            ways += prev
                        prev, cur = cur, ways
                    return cur
        """),
        inputs=[["1210"], ["301"], ["2611"], [""], ["0"], ["7"], ["10"], ["27"],
                ["1111111111111111111111111111111111111111"]],
    ),
    dict(
        id="hw/call/lcm-of-list",
        difficulty="introductory",
        question=_text("""
            Return the least common multiple of a list of integers: the smallest positive
            number that every element divides. Special cases: if any number is negative,
            return -1; otherwise, if any number is 0, return 0; the LCM of an empty list is 1.

            Example 1:
            Input: nums = [4, 6, 10]
            Output: 60

            Example 2:
            Input: nums = [3, 0, 5]
            Output: 0

            Constraints:
            0 <= len(nums) <= 100
            -1000 <= nums[i] <= 1000
        """),
        starter_code="def lcm_of_list(nums: list[int]) -> int:\n",
        fn_name="lcm_of_list",
        solution=_code("""
            from math import gcd

            def lcm_of_list(nums: list[int]) -> int:
                if any(x < 0 for x in nums):
                    return -1
                result = 1
                for x in nums:
                    if x == 0:
                        return 0
                    result = result * x // gcd(result, x)
                return result
        """),
        inputs=[[[4, 6, 10]], [[3, 0, 5]], [[]], [[7]], [[0, -2]], [[2, 4, 8]],
                [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], [[997, 991]]],
    ),
    dict(
        id="hw/call/bulls-and-cows",
        difficulty="interview",
        question=_text("""
            In the game of Bulls and Cows a player guesses a secret string of digits of the same
            length. A bull is a position where guess and secret hold the same digit. A cow is a
            digit of the guess that occurs in the secret at a different position; each digit of
            the secret that is not a bull can account for at most one cow. Return the hint
            "xAyB", where x is the number of bulls and y the number of cows.

            Example 1:
            Input: secret = "2024", guess = "4022"
            Output: "2A2B"
            Explanation: 0 and the second 2 are bulls; the guess's 4 and first 2 are cows.

            Example 2:
            Input: secret = "1234", guess = "5678"
            Output: "0A0B"

            Constraints:
            0 <= len(secret) == len(guess) <= 1000
            Both contain digits only.
        """),
        starter_code="def bulls_cows(secret: str, guess: str) -> str:\n",
        fn_name="bulls_cows",
        solution=_code("""
            def bulls_cows(secret: str, guess: str) -> str:
                bulls = 0
                secret_left, guess_left = {}, {}
                for s, g in zip(secret, guess):
                    if s == g:
                        bulls += 1
                    else:
                        secret_left[s] = secret_left.get(s, 0) + 1
                        guess_left[g] = guess_left.get(g, 0) + 1
                cows = 0
                for digit, n in guess_left.items():
                    cows += min(n, secret_left.get(digit, 0))
                return f"{bulls}A{cows}B"
        """),
        inputs=[["2024", "4022"], ["1234", "5678"], ["", ""], ["7", "7"], ["1122", "2211"],
                ["1123", "0111"], ["9999", "9990"]],
    ),
    dict(
        id="hw/call/trapped-water",
        difficulty="interview",
        question=_text("""
            heights[i] is the height of a wall segment of width 1. After rain, water collects in
            the dips between higher walls. Return the total amount of water trapped (in unit
            squares). Aim for O(n) time and O(1) extra space.

            Example 1:
            Input: heights = [3, 0, 2, 0, 4]
            Output: 7
            Explanation: Water stands 3 high over indices 1 to 3: 3 + 1 + 3 = 7.

            Example 2:
            Input: heights = [1, 2, 3]
            Output: 0

            Constraints:
            0 <= len(heights) <= 10^5
            0 <= heights[i] <= 10^5
        """),
        starter_code="class Solution:\n    def trappedWater(self, heights: list[int]) -> int:\n",
        fn_name="trappedWater",
        solution=_code("""
            class Solution:
                def trappedWater(self, heights: list[int]) -> int:
                    left, right = 0, len(heights) - 1
                    left_max = right_max = water = 0
                    while left < right:
                        if heights[left] <= heights[right]:
                            if heights[left] >= left_max:
                                left_max = heights[left]
                            else:
                                water += left_max - heights[left]
                            left += 1
                        else:
                            if heights[right] >= right_max:
                                right_max = heights[right]
                            else:
                                water += right_max - heights[right]
                            right -= 1
                    return water
        """),
        inputs=[[[3, 0, 2, 0, 4]], [[1, 2, 3]], [[]], [[5]], [[5, 0, 5]], [[4, 1, 0, 2]],
                [[0, 2, 0, 3, 1, 0, 1, 3, 2, 1]]],
    ),
    dict(
        id="hw/call/interleave-strings",
        difficulty="introductory",
        question=_text("""
            Interleave two strings: take the first character of a, then the first of b, then
            the second of a, the second of b, and so on. When one string runs out, append the
            rest of the other one.

            Example 1:
            Input: a = "abc", b = "12345"
            Output: "a1b2c345"

            Example 2:
            Input: a = "", b = "xy"
            Output: "xy"

            Constraints:
            0 <= len(a), len(b) <= 10^4
        """),
        starter_code="def interleave(a: str, b: str) -> str:\n",
        fn_name="interleave",
        solution=_code("""
            def interleave(a: str, b: str) -> str:
                out = []
                for i in range(max(len(a), len(b))):
                    if i < len(a):
                        out.append(a[i])
                    if i < len(b):
                        out.append(b[i])
                return "".join(out)
        """),
        inputs=[["abc", "12345"], ["", "xy"], ["", ""], ["hello", ""], ["ace", "bdf"],
                ["long string", "ab"]],
    ),
    dict(
        id="hw/call/day-of-year",
        difficulty="introductory",
        question=_text("""
            Given a date written "YYYY-MM-DD", return its day number within the year (January
            1st is day 1). February has 29 days in leap years (divisible by 4, except centuries
            that are not divisible by 400) and 28 otherwise. If the month or the day does not
            exist, return -1.

            Example 1:
            Input: date = "2024-03-01"
            Output: 61
            Explanation: 31 days of January + 29 of February (2024 is a leap year) + 1.

            Example 2:
            Input: date = "2023-02-29"
            Output: -1

            Constraints:
            date always has the form "YYYY-MM-DD" with 1 <= YYYY <= 9999.
        """),
        starter_code="def day_of_year(date: str) -> int:\n",
        fn_name="day_of_year",
        solution=_code("""
            def day_of_year(date: str) -> int:
                year, month, day = (int(part) for part in date.split("-"))
                leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
                lengths = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
                if not 1 <= month <= 12:
                    return -1
                if not 1 <= day <= lengths[month - 1]:
                    return -1
                return sum(lengths[:month - 1]) + day
        """),
        inputs=[["2024-03-01"], ["2023-02-29"], ["2023-01-01"], ["2023-12-31"], ["2000-12-31"],
                ["1900-03-01"], ["2023-13-01"], ["2023-04-31"], ["2023-06-00"]],
    ),
    dict(
        id="hw/call/smallest-after-removal",
        difficulty="interview",
        question=_text("""
            num is a string of digits representing a non-negative integer. Remove exactly k of
            its digits so that the number left is as small as possible, and return it as a
            string without leading zeros ("0" if nothing, or only zeros, remain).

            Example 1:
            Input: num = "4325043", k = 3
            Output: "2043"

            Example 2:
            Input: num = "30200", k = 1
            Output: "200"
            Explanation: Removing the 3 leaves "0200", which is 200.

            Example 3:
            Input: num = "9", k = 1
            Output: "0"

            Constraints:
            1 <= len(num) <= 10^5
            0 <= k <= len(num)
        """),
        starter_code="class Solution:\n    def smallestAfterRemoval(self, num: str, k: int) -> str:\n",
        fn_name="smallestAfterRemoval",
        solution=_code("""
            class Solution:
                def smallestAfterRemoval(self, num: str, k: int) -> str:
                    stack = []
                    for d in num:
                        while k > 0 and stack and stack[-1] > d:
                            stack.pop()
                            k -= 1
                        stack.append(d)
                    if k > 0:
                        stack = stack[:-k]  # digits never decreased: drop from the end
                    result = "".join(stack).lstrip("0")
                    if not result:
                        return "0"
                    return result
        """),
        inputs=[["4325043", 3], ["30200", 1], ["9", 1], ["12345", 2], ["100", 1], ["54321", 0],
                ["112", 1], ["10001", 4]],
    ),
    dict(
        id="hw/call/clock-angle",
        difficulty="introductory",
        question=_text("""
            Given a time as hour (0-23, 24-hour clock) and minute (0-59), return the smaller
            angle in degrees between the hour hand and the minute hand of an analogue clock.
            The hour hand moves continuously (half a degree per minute). Return -1.0 if the time
            is not valid.

            Example 1:
            Input: hour = 3, minute = 30
            Output: 75.0
            Explanation: The hour hand is at 105 degrees, the minute hand at 180.

            Example 2:
            Input: hour = 12, minute = 0
            Output: 0.0

            Constraints:
            -100 <= hour, minute <= 100
        """),
        starter_code="def clock_angle(hour: int, minute: int) -> float:\n",
        fn_name="clock_angle",
        solution=_code("""
            def clock_angle(hour: int, minute: int) -> float:
                if not (0 <= hour <= 23 and 0 <= minute <= 59):
                    return -1.0
                if hour >= 12:
                    hour -= 12
                angle = abs(30 * hour + 0.5 * minute - 6 * minute)
                if angle > 180:
                    angle = 360 - angle
                return angle
        """),
        inputs=[[3, 30], [12, 0], [24, 0], [6, 0], [23, 59], [9, 0], [0, -5], [18, 15]],
    ),
    dict(
        id="hw/call/tax-owed",
        difficulty="introductory",
        question=_text("""
            Income tax is charged in brackets: the first 10000 of income is tax-free, the part
            from 10000 to 40000 is taxed at 10%, the part from 40000 to 100000 at 20%, and
            everything above 100000 at 30%. Given an income (a non-negative integer), return the
            tax owed, rounded down to a whole number.

            Example 1:
            Input: income = 50000
            Output: 5000
            Explanation: 10% of 30000 plus 20% of 10000.

            Example 2:
            Input: income = 8000
            Output: 0

            Constraints:
            0 <= income <= 10^9
        """),
        starter_code="def tax_owed(income: int) -> int:\n",
        fn_name="tax_owed",
        solution=_code("""
            def tax_owed(income: int) -> int:
                if income <= 10000:
                    return 0
                tax = 0  # in hundredths, so every rate stays an integer
                if income > 100000:
                    tax += (income - 100000) * 30
                    income = 100000
                if income > 40000:
                    tax += (income - 40000) * 20
                    income = 40000
                tax += (income - 10000) * 10
                return tax // 100
        """),
        inputs=[[50000], [8000], [0], [10000], [10009], [40000], [150000], [1000000000]],
    ),
    dict(
        id="hw/call/robot-final-position",
        difficulty="introductory",
        question=_text("""
            A robot starts at [0, 0]. It reads a string of commands: "N", "S", "E" and "W" move
            it one step north (y + 1), south (y - 1), east (x + 1) or west (x - 1). "X" undoes
            the most recent move that has not been undone yet (it does nothing if there is
            none). Any other character is ignored. Return the final position [x, y].

            Example 1:
            Input: moves = "NNEXS"
            Output: [0, 1]
            Explanation: X undoes the E; then N, N, S leave the robot at [0, 1].

            Example 2:
            Input: moves = "XW"
            Output: [-1, 0]

            Constraints:
            0 <= len(moves) <= 10^4
        """),
        starter_code="class Solution:\n    def finalPosition(self, moves: str) -> list[int]:\n",
        fn_name="finalPosition",
        solution=_code("""
            class Solution:
                def finalPosition(self, moves: str) -> list[int]:
                    step = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
                    history = []
                    for m in moves:
                        if m in step:
                            history.append(step[m])
                        elif m == "X" and history:
                            history.pop()
                    x = sum(dx for dx, _ in history)
                    y = sum(dy for _, dy in history)
                    return [x, y]
        """),
        inputs=[["NNEXS"], ["XW"], [""], ["EEEE"], ["NXXXS"], ["n e? W"], ["NESWNESW"],
                ["WWSSXXXX"]],
    ),
    dict(
        id="hw/call/min-bracket-removals",
        difficulty="interview",
        question=_text("""
            Given a string s of round brackets and letters, return the minimum number of
            brackets that must be removed so that the brackets left are balanced: every ")"
            closes an earlier unmatched "(" and every "(" is eventually closed. Letters are
            never removed and do not matter.

            Example 1:
            Input: s = "())("
            Output: 2
            Explanation: Remove the second ")" and the final "(".

            Example 2:
            Input: s = "(a)(b)"
            Output: 0

            Constraints:
            0 <= len(s) <= 10^5
        """),
        starter_code="def min_removals(s: str) -> int:\n",
        fn_name="min_removals",
        solution=_code("""
            def min_removals(s: str) -> int:
                open_count = removals = 0
                for ch in s:
                    if ch == "(":
                        open_count += 1
                    elif ch == ")":
                        if open_count > 0:
                            open_count -= 1
                        else:
                            removals += 1
                return removals + open_count
        """),
        inputs=[["())("], ["(a)(b)"], [""], ["((("], [")))"], ["abc"], ["(()))(()"],
                [")(" * 50]],
    ),
    dict(
        id="hw/call/follows-pattern",
        difficulty="interview",
        question=_text("""
            Given a pattern of letters and a sentence of words separated by spaces, return
            whether the sentence follows the pattern: there must be exactly one word per
            letter, equal letters must map to equal words, and different letters to different
            words.

            Example 1:
            Input: pattern = "xyx", sentence = "red blue red"
            Output: True

            Example 2:
            Input: pattern = "xy", sentence = "red red"
            Output: False
            Explanation: x and y would both stand for "red".

            Constraints:
            0 <= len(pattern) <= 300
            0 <= len(sentence) <= 3000
        """),
        starter_code="def follows_pattern(pattern: str, sentence: str) -> bool:\n",
        fn_name="follows_pattern",
        solution=_code("""
            def follows_pattern(pattern: str, sentence: str) -> bool:
                words = sentence.split()
                if len(words) != len(pattern):
                    return False
                word_of, letter_of = {}, {}
                for letter, word in zip(pattern, words):
                    if word_of.setdefault(letter, word) != word:
                        return False
                    if letter_of.setdefault(word, letter) != letter:
                        return False
                return True
        """),
        inputs=[["xyx", "red blue red"], ["xy", "red red"], ["", ""], ["xx", "red blue"],
                ["abc", "one two"], ["abba", "up down down up"], ["a", "solo"]],
    ),
    dict(
        id="hw/call/find-in-sorted-grid",
        difficulty="interview",
        question=_text("""
            Every row of grid is sorted in increasing order from left to right, and every
            column is sorted in increasing order from top to bottom; all values are distinct.
            Return the position [row, column] of target, or [] if it is not in the grid.
            Aim for O(rows + columns) time.

            Example 1:
            Input: grid = [[1, 4, 7], [2, 5, 9], [6, 8, 12]], target = 8
            Output: [2, 1]

            Example 2:
            Input: grid = [[1, 4, 7], [2, 5, 9], [6, 8, 12]], target = 3
            Output: []

            Constraints:
            0 <= rows, columns <= 300
            -10^9 <= grid[i][j], target <= 10^9
        """),
        starter_code="class Solution:\n    def findInGrid(self, grid: list[list[int]], target: int) -> list[int]:\n",
        fn_name="findInGrid",
        solution=_code("""
            class Solution:
                def findInGrid(self, grid: list[list[int]], target: int) -> list[int]:
                    if not grid or not grid[0]:
                        return []
                    r, c = 0, len(grid[0]) - 1  # start top right: left is smaller, down is larger
                    while r < len(grid) and c >= 0:
                        value = grid[r][c]
                        if value == target:
                            return [r, c]
                        if value > target:
                            c -= 1
                        else:
                            r += 1
                    return []
        """),
        inputs=[[[[1, 4, 7], [2, 5, 9], [6, 8, 12]], 8], [[[1, 4, 7], [2, 5, 9], [6, 8, 12]], 3],
                [[], 1], [[[5]], 5], [[[1, 2, 3, 4]], 4], [[[1], [3], [5]], 0],
                [[[-5, -2], [-3, 0], [10, 20]], 10]],
    ),
]
