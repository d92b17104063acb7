"""Hand-written stdin/stdout problems for StepCoder-lite (written by this team, not copied).

Each problem reads its test's input from stdin and prints the answer, like APPS/Codeforces.
Only the statement, the reference solution and the test *inputs* are written here; the
expected outputs are computed by ``build.py`` by running the solution, so they can never
disagree with it. ``build.py`` also checks that every worked example in a statement matches
what the solution prints, and that the example input is one of the tests.

Every solution branches (CCCS cuts solutions at conditionals); the inputs are chosen so the
different branches are all exercised: smallest cases, zeros, ties, negatives, largest cases.
"""

PROBLEMS = []

# ---------------------------------------------------------------------------------------------
# Money, fees and everyday arithmetic

PROBLEMS += [
    dict(
        id="hw/stdin/parking-fees",
        difficulty="introductory",
        question="""\
The garage next to the railway station has a simple price list. A stay of at most 30 minutes
is free. Otherwise the driver pays 3 coins for every started hour of the stay, but never more
than 20 coins for one day. Long stays are charged 20 coins for every full day (1440 minutes)
and the remaining minutes are charged by the same rules as a short stay (so a remainder of at
most 30 minutes costs nothing).

Given how many minutes a car stayed, compute the fee.

-----Input-----

The only line contains one integer m (0 <= m <= 10^6), the length of the stay in minutes.

-----Output-----

Print one integer: the fee in coins.

-----Example-----
Input
100
Output
6

-----Note-----

100 minutes is more than 30 minutes and covers two started hours, so the fee is 2 * 3 = 6.
""",
        starter_code="",
        fn_name=None,
        solution="""\
m = int(input())
days, rest = divmod(m, 1440)
if rest <= 30:
    fee = 0
else:
    hours = (rest + 59) // 60
    fee = 3 * hours
    if fee > 20:
        fee = 20
print(days * 20 + fee)
""",
        inputs=["100\n", "0\n", "30\n", "31\n", "60\n", "61\n", "400\n", "1440\n", "1470\n",
                "1500\n", "1000000\n"],
    ),
    dict(
        id="hw/stdin/shop-receipt",
        difficulty="introductory",
        question="""\
A corner shop gives two kinds of discount. If the total price of a purchase is at least 100
coins, the customer gets 10% off. After that, a customer with a loyalty card gets another 5
coins off, but the amount to pay can never go below zero.

Print the amount the customer pays.

-----Input-----

The first line contains an integer n (1 <= n <= 100) and a letter: Y if the customer has a
loyalty card, N otherwise. The second line contains n integers, the prices of the items
(1 <= price <= 1000).

-----Output-----

Print the amount to pay with exactly two digits after the decimal point.

-----Example-----
Input
3 Y
40 35 30
Output
89.50

-----Note-----

The total is 105, which is at least 100, so it becomes 94.50; the loyalty card takes 5 more off.
""",
        starter_code="",
        fn_name=None,
        solution="""\
n, card = input().split()
prices = list(map(int, input().split()))
total = sum(prices)
if total >= 100:
    total = total * 0.9
if card == "Y":
    total = max(0, total - 5)
print(f"{total:.2f}")
""",
        inputs=["3 Y\n40 35 30\n", "1 N\n100\n", "1 N\n99\n", "1 Y\n3\n", "1 Y\n5\n",
                "2 Y\n50 50\n", "3 N\n10 20 30\n", "4 Y\n999 1 250 13\n"],
    ),
    dict(
        id="hw/stdin/speeding-fines",
        difficulty="introductory",
        question="""\
A speed camera on a country road photographs every passing car. A driver who is at most 10
km/h over the limit pays a fine of 50; a driver 11 to 30 km/h over the limit pays 150; a
driver more than 30 km/h over the limit pays no fine on the spot but has the licence
suspended. Drivers at or below the limit are not fined.

Given the limit and the measured speeds, compute the total of the fines and the number of
suspended licences.

-----Input-----

The first line contains two integers L and n (1 <= L <= 200, 1 <= n <= 1000): the speed limit
and the number of cars. The second line contains n integers, the measured speeds (0 to 400).

-----Output-----

Print two integers separated by a space: the total of the fines and the number of suspended
licences.

-----Example-----
Input
60 5
58 65 75 95 61
Output
250 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
limit, n = map(int, input().split())
total = suspended = 0
for speed in map(int, input().split()):
    over = speed - limit
    if over <= 0:
        continue
    if over <= 10:
        total += 50
    elif over <= 30:
        total += 150
    else:
        suspended += 1
print(total, suspended)
""",
        inputs=["60 5\n58 65 75 95 61\n", "50 1\n50\n", "50 1\n51\n", "50 3\n60 61 80\n",
                "50 2\n81 200\n", "90 5\n10 20 30 40 50\n", "30 6\n31 40 41 60 61 29\n"],
    ),
    dict(
        id="hw/stdin/coin-change",
        difficulty="introductory",
        question="""\
A ticket machine gives change using coins of 50, 20, 10, 5, 2 and 1. It always pays with as
few coins as possible, starting with the largest coin that still fits.

Print which coins the machine drops for a given amount of change.

-----Input-----

The only line contains an integer a (0 <= a <= 10^6), the change to give.

-----Output-----

For every coin value that is used, from the largest to the smallest, print a line
"value x count". If no change is due, print NOTHING.

-----Example-----
Input
76
Output
50 x 1
20 x 1
5 x 1
1 x 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
amount = int(input())
if amount == 0:
    print("NOTHING")
for coin in (50, 20, 10, 5, 2, 1):
    count, amount = divmod(amount, coin)
    if count > 0:
        print(f"{coin} x {count}")
""",
        inputs=["76\n", "0\n", "1\n", "3\n", "50\n", "88\n", "99\n", "1000000\n"],
    ),
    dict(
        id="hw/stdin/bank-account",
        difficulty="interview",
        question="""\
You are writing the core of a tiny bank. An account starts with balance 0 and receives a
sequence of commands:

- "deposit x" adds x to the balance;
- "withdraw x" takes x from the balance, but only if the balance is at least x; otherwise the
  withdrawal is refused and the balance does not change;
- "balance" asks for the current balance.

-----Input-----

The first line contains n (1 <= n <= 1000), the number of commands. Each of the next n lines
contains one command; every amount x is an integer, 1 <= x <= 10^9.

-----Output-----

For every refused withdrawal print REFUSED, and for every "balance" command print the current
balance, each on its own line and in the order of the commands.

-----Example-----
Input
6
deposit 50
withdraw 20
balance
withdraw 40
deposit 10
balance
Output
30
REFUSED
40
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
balance = 0
for _ in range(n):
    parts = input().split()
    if parts[0] == "deposit":
        balance += int(parts[1])
    elif parts[0] == "withdraw":
        amount = int(parts[1])
        if amount > balance:
            print("REFUSED")
        else:
            balance -= amount
    else:
        print(balance)
""",
        inputs=["6\ndeposit 50\nwithdraw 20\nbalance\nwithdraw 40\ndeposit 10\nbalance\n",
                "1\nbalance\n", "2\nwithdraw 1\nbalance\n",
                "3\ndeposit 100\nwithdraw 100\nbalance\n",
                "4\ndeposit 5\ndeposit 7\nwithdraw 13\nbalance\n",
                "6\ndeposit 1000000000\ndeposit 1000000000\nbalance\nwithdraw 1\nwithdraw 1999999999\nbalance\n",
                "5\nbalance\ndeposit 3\nbalance\nwithdraw 2\nbalance\n"],
    ),
    dict(
        id="hw/stdin/elevator-trips",
        difficulty="introductory",
        question="""\
People queue for the elevator of an office tower. The elevator can carry at most C kilograms.
It always takes people from the front of the queue, one by one, as long as the total weight
stays at most C; when the next person does not fit, it leaves, delivers its passengers and
comes back empty. The order of the queue never changes.

How many trips does the elevator make until everyone is delivered? If some person is heavier
than C, the elevator can never carry them: print -1.

-----Input-----

The first line contains two integers n and C (1 <= n <= 1000, 1 <= C <= 10^4). The second line
contains n integers, the weights of the people in queue order (1 <= weight <= 10^4).

-----Output-----

Print the number of trips, or -1.

-----Example-----
Input
5 100
60 30 20 70 10
Output
2
""",
        starter_code="",
        fn_name=None,
        solution="""\
n, cap = map(int, input().split())
weights = list(map(int, input().split()))
if max(weights) > cap:
    print(-1)
else:
    trips, load = 0, 0
    for w in weights:
        if load + w > cap:
            trips += 1
            load = 0
        load += w
    print(trips + 1)
""",
        inputs=["5 100\n60 30 20 70 10\n", "1 100\n50\n", "3 100\n50 50 50\n",
                "4 100\n100 100 100 100\n", "3 100\n30 101 20\n", "5 10\n1 2 3 4 5\n",
                "6 90\n40 50 60 30 20 10\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Classification and counting

PROBLEMS += [
    dict(
        id="hw/stdin/days-in-month",
        difficulty="introductory",
        question="""\
A print shop makes wall calendars and needs to know how many boxes to draw for each month.
In the Gregorian calendar a year is a leap year if it is divisible by 4, except years
divisible by 100, which are leap years only when they are also divisible by 400. February has
29 days in a leap year and 28 otherwise; April, June, September and November have 30 days;
all other months have 31.

-----Input-----

The only line contains two integers: the year y (1 <= y <= 9999) and the month m (1 <= m <= 12).

-----Output-----

Print the number of days in month m of year y.

-----Examples-----
Input
2024 2
Output
29

Input
1900 2
Output
28
""",
        starter_code="",
        fn_name=None,
        solution="""\
year, month = map(int, input().split())
if month == 2:
    if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        days = 29
    else:
        days = 28
elif month in (4, 6, 9, 11):
    days = 30
else:
    days = 31
print(days)
""",
        inputs=["2024 2\n", "1900 2\n", "2000 2\n", "2023 2\n", "2023 4\n", "2023 12\n",
                "1 1\n", "9999 11\n"],
    ),
    dict(
        id="hw/stdin/triangle-kind",
        difficulty="introductory",
        question="""\
A carpenter has three sticks and wants to know what kind of triangle they make. Three lengths
form a triangle only when the longest one is strictly shorter than the sum of the other two.
A triangle is EQUILATERAL when all sides are equal, ISOSCELES when exactly two are equal, and
SCALENE otherwise. If it has a right angle (the squares of the two shorter sides add up to the
square of the longest), the word RIGHT is added after its kind.

-----Input-----

The only line contains three integers a, b, c (1 <= a, b, c <= 10^9) in any order.

-----Output-----

Print NOT A TRIANGLE, or the kind of the triangle, followed by " RIGHT" for a right triangle.

-----Examples-----
Input
5 3 4
Output
SCALENE RIGHT

Input
4 6 4
Output
ISOSCELES
""",
        starter_code="",
        fn_name=None,
        solution="""\
a, b, c = sorted(map(int, input().split()))
if a + b <= c:
    print("NOT A TRIANGLE")
else:
    if a == c:
        kind = "EQUILATERAL"
    elif a == b or b == c:
        kind = "ISOSCELES"
    else:
        kind = "SCALENE"
    if a * a + b * b == c * c:
        kind += " RIGHT"
    print(kind)
""",
        inputs=["5 3 4\n", "4 6 4\n", "2 2 2\n", "5 3 3\n", "1 2 3\n", "4 5 6\n",
                "1 1 1000000000\n", "13 5 12\n"],
    ),
    dict(
        id="hw/stdin/grade-distribution",
        difficulty="introductory",
        question="""\
After an exam the teacher turns every score into a letter: A for 90 or more, B for 80 to 89,
C for 70 to 79, D for 60 to 69 and F below 60. She wants a short summary of how many students
got each letter.

-----Input-----

The first line contains n (1 <= n <= 1000), the number of students. The second line contains
n integers, the scores (0 <= score <= 100).

-----Output-----

For each letter in the order A, B, C, D, F that at least one student received, print a line
with the letter and the number of students who received it.

-----Example-----
Input
4
95 82 82 40
Output
A 1
B 2
F 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
counts = {letter: 0 for letter in "ABCDF"}
for score in map(int, input().split()):
    if score >= 90:
        counts["A"] += 1
    elif score >= 80:
        counts["B"] += 1
    elif score >= 70:
        counts["C"] += 1
    elif score >= 60:
        counts["D"] += 1
    else:
        counts["F"] += 1
for letter in "ABCDF":
    if counts[letter] > 0:
        print(letter, counts[letter])
""",
        inputs=["4\n95 82 82 40\n", "1\n100\n", "1\n0\n", "5\n90 89 80 79 70\n",
                "6\n69 60 59 0 100 85\n", "3\n75 75 75\n"],
    ),
    dict(
        id="hw/stdin/lucky-tickets",
        difficulty="introductory",
        question="""\
Bus tickets in our town carry six-digit numbers, leading zeros included. A ticket is lucky
when the sum of its first three digits equals the sum of its last three digits. Anna collected
a pile of old tickets, but some of them are torn: a torn ticket has one or more digits replaced
by the character '?', and it cannot be read at all.

Count the lucky tickets and the unreadable tickets in the pile.

-----Input-----

The first line contains n (1 <= n <= 1000). Each of the next n lines contains a ticket: six
characters, each a digit or '?'.

-----Output-----

Print two integers: the number of lucky tickets and the number of unreadable tickets.

-----Example-----
Input
5
385916
123456
00?111
111300
999999
Output
3 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
lucky = unreadable = 0
for _ in range(n):
    ticket = input().strip()
    if not ticket.isdigit():
        unreadable += 1
    elif sum(map(int, ticket[:3])) == sum(map(int, ticket[3:])):
        lucky += 1
print(lucky, unreadable)
""",
        inputs=["5\n385916\n123456\n00?111\n111300\n999999\n", "1\n000000\n", "1\n12?456\n",
                "3\n123321\n123456\n??????\n", "4\n999999\n090009\n100001\n550055\n",
                "2\n123457\n100000\n"],
    ),
    dict(
        id="hw/stdin/king-moves",
        difficulty="introductory",
        question="""\
In chess a king moves one square in any of the eight directions, but it cannot leave the
8x8 board. Squares are named by a column letter from a to h and a row digit from 1 to 8, for
example e4. A beginner's chess app receives a square typed by the user and must say how many
squares a king standing there can move to. Users make typos, so the input may not be a valid
square at all.

-----Input-----

The only line contains a string of 1 to 5 characters without spaces.

-----Output-----

Print the number of squares the king can move to, or INVALID if the string is not a square.

-----Examples-----
Input
e4
Output
8

Input
a1
Output
3
""",
        starter_code="",
        fn_name=None,
        solution="""\
square = input().strip()
if len(square) != 2 or square[0] not in "abcdefgh" or square[1] not in "12345678":
    print("INVALID")
else:
    col = "abcdefgh".index(square[0])
    row = int(square[1]) - 1
    moves = 0
    for dc in (-1, 0, 1):
        for dr in (-1, 0, 1):
            if (dc or dr) and 0 <= col + dc < 8 and 0 <= row + dr < 8:
                moves += 1
    print(moves)
""",
        inputs=["e4\n", "a1\n", "h8\n", "a5\n", "d1\n", "z3\n", "e9\n", "e10\n"],
    ),
    dict(
        id="hw/stdin/password-strength",
        difficulty="introductory",
        question="""\
A sign-up form rates passwords. It looks at four character classes: lowercase letters,
uppercase letters, digits and other symbols. A password shorter than 8 characters is WEAK no
matter what. Otherwise it is STRONG if it uses all four classes, MEDIUM if it uses exactly
three, and WEAK if it uses fewer.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a password of 1 to
50 printable characters without spaces.

-----Output-----

For each password print its rating on its own line.

-----Example-----
Input
3
abc
Passw0rd
Passw0rd!
Output
WEAK
MEDIUM
STRONG
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
for _ in range(n):
    password = input().strip()
    classes = sum([
        any(c.islower() for c in password),
        any(c.isupper() for c in password),
        any(c.isdigit() for c in password),
        any(not c.isalnum() for c in password),
    ])
    if len(password) < 8:
        print("WEAK")
    elif classes == 4:
        print("STRONG")
    elif classes == 3:
        print("MEDIUM")
    else:
        print("WEAK")
""",
        inputs=["3\nabc\nPassw0rd\nPassw0rd!\n", "1\nA1b!\n", "1\nabcdefgh\n",
                "2\nABCDEFG1\nabcdEFGH\n", "1\n#Secure9Pass\n", "3\n12345678\n1234567a\n12345aB$\n",
                "1\n!!!!!!!!\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Sequences and strings

PROBLEMS += [
    dict(
        id="hw/stdin/warming-streak",
        difficulty="introductory",
        question="""\
A weather station wrote down the temperature at noon for n days in a row. A warming streak is
a run of consecutive days on which every day is strictly warmer than the day before it; a
single day on its own is a streak of length 1. Find the length of the longest warming streak.

-----Input-----

The first line contains n (1 <= n <= 10^5). The second line contains n integers, the
temperatures (-100 to 100).

-----Output-----

Print the length of the longest warming streak.

-----Example-----
Input
7
-2 0 5 5 6 8 1
Output
3
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
temps = list(map(int, input().split()))
best = current = 1
for i in range(1, n):
    if temps[i] > temps[i - 1]:
        current += 1
        if current > best:
            best = current
    else:
        current = 1
print(best)
""",
        inputs=["7\n-2 0 5 5 6 8 1\n", "1\n-5\n", "5\n1 2 3 4 5\n", "5\n5 4 3 2 1\n",
                "6\n3 3 3 3 3 3\n", "8\n-3 -2 -2 0 1 5 2 3\n", "7\n1 2 1 2 3 1 2\n"],
    ),
    dict(
        id="hw/stdin/second-largest",
        difficulty="introductory",
        question="""\
In a game show the contestant with the highest score wins the car and the runner-up wins a
bicycle. The runner-up score is the largest score that is strictly smaller than the winning
score; several contestants may share a score. If all contestants have the same score there is
no runner-up.

-----Input-----

The first line contains n (1 <= n <= 10^5). The second line contains n integers, the scores
(-10^9 to 10^9).

-----Output-----

Print the runner-up score, or NO SECOND if there is none.

-----Example-----
Input
5
3 9 9 -2 7
Output
7
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
best = second = None
for value in map(int, input().split()):
    if best is None or value > best:
        best, second = value, best
    elif value < best and (second is None or value > second):
        second = value
if second is None:
    print("NO SECOND")
else:
    print(second)
""",
        inputs=["5\n3 9 9 -2 7\n", "1\n7\n", "3\n4 4 4\n", "2\n-1 -2\n", "5\n1 5 5 3 2\n",
                "4\n-10 0 -10 0\n", "6\n9 8 7 10 10 9\n"],
    ),
    dict(
        id="hw/stdin/caesar-decode",
        difficulty="introductory",
        question="""\
A spy encrypts messages by moving every letter k places forward in the alphabet, wrapping
around from z to a (and from Z to A); case is kept and every other character is left as it is.
You intercepted a message and learned k. Decode it.

-----Input-----

The first line contains k (0 <= k <= 1000). The second line contains the encrypted message:
1 to 200 printable characters (it may contain spaces).

-----Output-----

Print the decoded message.

-----Example-----
Input
3
Khoor, Zruog!
Output
Hello, World!
""",
        starter_code="",
        fn_name=None,
        solution="""\
k = int(input()) % 26
message = input()
decoded = []
for ch in message:
    if "a" <= ch <= "z":
        decoded.append(chr((ord(ch) - ord("a") - k) % 26 + ord("a")))
    elif "A" <= ch <= "Z":
        decoded.append(chr((ord(ch) - ord("A") - k) % 26 + ord("A")))
    else:
        decoded.append(ch)
print("".join(decoded))
""",
        inputs=["3\nKhoor, Zruog!\n", "0\nHello, World!\n", "1\nb\n", "1\na\n", "27\nIfmmp\n",
                "25\nZz Aa!\n", "13\nUryyb 123\n", "1000\nxyz\n"],
    ),
    dict(
        id="hw/stdin/run-length",
        difficulty="introductory",
        question="""\
A chat app shrinks long messages before sending them. Every run of two or more equal letters
is replaced by the letter followed by the length of the run; a letter that is not repeated is
kept as it is. If the shrunk message would not be strictly shorter than the original, the
original is sent instead.

-----Input-----

The only line contains a string of 1 to 1000 lowercase letters.

-----Output-----

Print the message that is sent.

-----Examples-----
Input
wwwwaaadexxxxxx
Output
w4a3dex6

Input
aabbcc
Output
aabbcc
""",
        starter_code="",
        fn_name=None,
        solution="""\
s = input().strip()
parts = []
i = 0
while i < len(s):
    j = i
    while j < len(s) and s[j] == s[i]:
        j += 1
    if j - i == 1:
        parts.append(s[i])
    else:
        parts.append(s[i] + str(j - i))
    i = j
packed = "".join(parts)
if len(packed) < len(s):
    print(packed)
else:
    print(s)
""",
        inputs=["wwwwaaadexxxxxx\n", "aabbcc\n", "a\n", "aa\n", "aaa\n", "abc\n",
                "aaabccddddd\n", "zzzzzzzzzzzz\n"],
    ),
    dict(
        id="hw/stdin/balanced-brackets",
        difficulty="interview",
        question="""\
A code editor highlights lines whose brackets do not match. A line is balanced when every
opening bracket '(', '[' or '{' is closed by the bracket of the same kind, in the right order,
and no closing bracket appears without a matching opening one. The empty line is balanced.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a string of 0 to
1000 characters, each one of ()[]{}.

-----Output-----

For each string print YES if it is balanced and NO otherwise.

-----Example-----
Input
4
([]{})
([)]
((
{}[]()
Output
YES
NO
NO
YES
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
opening_of = {")": "(", "]": "[", "}": "{"}
for _ in range(n):
    line = input().strip()
    stack = []
    ok = True
    for ch in line:
        if ch in "([{":
            stack.append(ch)
        elif not stack or stack.pop() != opening_of[ch]:
            ok = False
            break
    if ok and not stack:
        print("YES")
    else:
        print("NO")
""",
        inputs=["4\n([]{})\n([)]\n((\n{}[]()\n", "1\n\n", "1\n)\n", "1\n(\n",
                "3\n{[()()]}\n}{\n[[[]]]]\n", "2\n((((((((((()))))))))))\n([{}])(\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Grids, clocks and sensors

PROBLEMS += [
    dict(
        id="hw/stdin/diagonal-difference",
        difficulty="introductory",
        question="""\
A magic-square club checks boards quickly by comparing the two diagonals: the main diagonal
runs from the top-left to the bottom-right corner, the other one from the top-right to the
bottom-left corner. A board whose two diagonals have equal sums is called BALANCED.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains n integers
(-1000 to 1000), a row of the board.

-----Output-----

Print BALANCED if the diagonal sums are equal; otherwise print the absolute difference of the
two sums.

-----Example-----
Input
3
11 2 4
4 5 6
10 8 -12
Output
15
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
main = anti = 0
for i in range(n):
    row = list(map(int, input().split()))
    main += row[i]
    anti += row[n - 1 - i]
difference = abs(main - anti)
if difference == 0:
    print("BALANCED")
else:
    print(difference)
""",
        inputs=["3\n11 2 4\n4 5 6\n10 8 -12\n", "1\n5\n", "2\n1 2\n3 4\n", "2\n1 0\n0 0\n",
                "3\n-1 -1 -1\n-1 -1 -1\n-1 -1 -1\n",
                "4\n1 2 3 4\n5 6 7 8\n9 10 11 12\n13 14 15 17\n"],
    ),
    dict(
        id="hw/stdin/rainfall-average",
        difficulty="introductory",
        question="""\
A rain gauge sends one reading per line, in millimetres, and a final -1 when the day is over.
The gauge is old: any other negative reading is a sensor error and must be ignored. Compute the
average of the valid readings.

-----Input-----

Several lines, each with one integer between -1000 and 1000. The last line is -1 and only the
last line is -1.

-----Output-----

On the first line print the average of the valid (non-negative) readings with one digit after
the decimal point, or NO DATA if there are none. If there were sensor errors, print a second
line "errors: k" with their number.

-----Example-----
Input
12
0
-7
9
-1
Output
7.0
errors: 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
total = count = errors = 0
while True:
    value = int(input())
    if value == -1:
        break
    if value < 0:
        errors += 1
    else:
        total += value
        count += 1
if count == 0:
    print("NO DATA")
else:
    print(f"{total / count:.1f}")
if errors:
    print(f"errors: {errors}")
""",
        inputs=["12\n0\n-7\n9\n-1\n", "-1\n", "0\n-1\n", "-5\n-1\n", "3\n4\n-1\n",
                "10\n-2\n20\n-3\n30\n-1\n", "1\n1\n2\n-1\n"],
    ),
    dict(
        id="hw/stdin/clock-chimes",
        difficulty="interview",
        question="""\
The old clock on the town hall chimes at every full hour as many times as the hour shows on a
12-hour dial (so at 00:00 and at 12:00 it chimes 12 times, at 13:00 once), and it chimes once
at every half hour. A tourist stands in the square from time A to time B of the same day,
both included. How many chimes does the tourist hear?

-----Input-----

The only line contains two times A and B in the format HH:MM (24-hour clock, A <= B).

-----Output-----

Print the number of chimes heard.

-----Example-----
Input
10:45 13:10
Output
26

-----Note-----

The tourist hears 11 chimes at 11:00, 1 at 11:30, 12 at 12:00, 1 at 12:30 and 1 at 13:00.
""",
        starter_code="",
        fn_name=None,
        solution="""\
def to_minutes(text):
    hours, minutes = map(int, text.split(":"))
    return hours * 60 + minutes


start, end = map(to_minutes, input().split())
chimes = 0
for t in range(start, end + 1):
    hour, minute = divmod(t, 60)
    if minute == 0:
        if hour % 12 == 0:
            chimes += 12
        else:
            chimes += hour % 12
    elif minute == 30:
        chimes += 1
print(chimes)
""",
        inputs=["10:45 13:10\n", "00:00 00:00\n", "00:01 00:29\n", "12:30 12:30\n",
                "13:00 13:30\n", "00:00 23:59\n", "09:15 11:45\n"],
    ),
]
