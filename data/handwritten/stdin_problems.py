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
        group="hw/call/fewest-coins",  # same topic as this call-based problem: same split
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
        group="hw/call/letter-grades",  # same topic as this call-based problem: same split
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
        group="hw/call/password-problems",  # same topic as this call-based problem: same split
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
        id="hw/stdin/balanced-brackets",
        difficulty="interview",
        group="hw/call/min-bracket-removals",  # same topic as this call-based problem: same split
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
        group="hw/call/diagonal-sum",  # same topic as this call-based problem: same split
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

# ---------------------------------------------------------------------------------------------
# Simulations

PROBLEMS += [
    dict(
        id="hw/stdin/robot-on-grid",
        difficulty="introductory",
        group="hw/call/robot-final-position",  # same topic as this call-based problem: same split
        question="""\
A warehouse robot lives on a grid of W columns and H rows. It starts in the bottom-left cell
(0, 0); column numbers grow to the right and row numbers grow upwards. It receives a string of
commands: U, D, L and R move it one cell up, down, left or right. A move that would take it
off the grid is ignored and counted as a bump. The radio link is noisy, so the string may also
contain other characters; the robot ignores those and does not count them as bumps.

-----Input-----

The first line contains W and H (1 <= W, H <= 100). The second line contains the command
string (1 to 1000 characters, no spaces).

-----Output-----

Print the final column and row of the robot on the first line and the number of bumps on the
second line.

-----Example-----
Input
4 3
RRUURRRUL?D
Output
2 1
3
""",
        starter_code="",
        fn_name=None,
        solution="""\
width, height = map(int, input().split())
commands = input().strip()
steps = {"U": (0, 1), "D": (0, -1), "L": (-1, 0), "R": (1, 0)}
x = y = bumps = 0
for command in commands:
    if command not in steps:
        continue
    dx, dy = steps[command]
    if 0 <= x + dx < width and 0 <= y + dy < height:
        x += dx
        y += dy
    else:
        bumps += 1
print(x, y)
print(bumps)
""",
        inputs=["4 3\nRRUURRRUL?D\n", "1 1\nUUDDLR\n", "3 3\nRRUU\n", "3 3\nRRRUUU\n",
                "5 2\nULDR?R\n", "2 3\nDDLL\n", "10 10\nRURURURURU\n"],
    ),
    dict(
        id="hw/stdin/cafe-queue",
        difficulty="interview",
        question="""\
A tiny cafe has one barista who serves customers strictly in the order they arrive. Customer
i arrives at minute a_i and needs s_i minutes of service. If the barista is busy, the customer
waits until every earlier customer is served; if the barista is free, service starts at once.
The barista is idle whenever no customer is being served, starting from minute 0.

Compute how many customers had to wait, the total number of minutes customers spent waiting,
and the number of minutes the barista was idle before the last customer was served.

-----Input-----

The first line contains n (1 <= n <= 10^4). Each of the next n lines contains a_i and s_i
(0 <= a_i <= 10^6, 1 <= s_i <= 100); the arrival times do not decrease.

-----Output-----

Print three integers: the number of customers who waited, the total waiting time, and the
idle time of the barista.

-----Example-----
Input
4
2 3
4 2
10 1
10 4
Output
2 2 5
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
free_at = waited = total_wait = idle = 0
for _ in range(n):
    arrival, service = map(int, input().split())
    if arrival > free_at:
        idle += arrival - free_at
    start = max(arrival, free_at)
    if start > arrival:
        waited += 1
        total_wait += start - arrival
    free_at = start + service
print(waited, total_wait, idle)
""",
        inputs=["4\n2 3\n4 2\n10 1\n10 4\n", "1\n0 5\n", "1\n10 5\n", "2\n0 5\n0 5\n",
                "3\n0 2\n5 1\n5 3\n", "4\n1 10\n2 10\n3 10\n4 10\n", "3\n0 1\n1 1\n2 1\n"],
    ),
    dict(
        id="hw/stdin/water-tank",
        difficulty="interview",
        question="""\
A rooftop water tank holds at most C litres and starts empty. Every minute the net flow into
the tank is measured: a positive number means more water came in than went out, a negative
one means the opposite. If the level would rise above C, the extra water spills over and the
tank stays full (an overflow minute). If the level would drop below zero, the tank is simply
empty (a dry minute).

-----Input-----

The first line contains C and n (1 <= C <= 10^6, 1 <= n <= 10^5). The second line contains n
integers, the flows (-10^6 to 10^6).

-----Output-----

Print three integers: the final level, the number of overflow minutes and the number of dry
minutes.

-----Example-----
Input
8 5
5 4 -3 -9 2
Output
2 1 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
capacity, n = map(int, input().split())
level = overflows = dry = 0
for flow in map(int, input().split()):
    level += flow
    if level > capacity:
        level = capacity
        overflows += 1
    elif level < 0:
        level = 0
        dry += 1
print(level, overflows, dry)
""",
        inputs=["8 5\n5 4 -3 -9 2\n", "10 1\n5\n", "10 1\n11\n", "10 1\n-1\n",
                "10 4\n10 0 -10 0\n", "5 6\n3 3 -1 -10 2 0\n", "100 5\n50 50 1 -200 -1\n"],
    ),
    dict(
        id="hw/stdin/traffic-light",
        difficulty="introductory",
        question="""\
A traffic light repeats the same cycle forever: green for G seconds, then yellow for Y
seconds, then red for R seconds, and then green again. At second 0 the light has just turned
green. A driving school wants to know the colour at several moments.

-----Input-----

The first line contains G, Y and R (1 <= G, Y, R <= 1000). The second line contains q
(1 <= q <= 1000). Each of the next q lines contains a moment t (0 <= t <= 10^9) in seconds.

-----Output-----

For each moment print GREEN, YELLOW or RED.

-----Example-----
Input
30 5 25
4
0
30
59
60
Output
GREEN
YELLOW
RED
GREEN
""",
        starter_code="",
        fn_name=None,
        solution="""\
green, yellow, red = map(int, input().split())
cycle = green + yellow + red
q = int(input())
for _ in range(q):
    t = int(input()) % cycle
    if t < green:
        print("GREEN")
    elif t < green + yellow:
        print("YELLOW")
    else:
        print("RED")
""",
        inputs=["30 5 25\n4\n0\n30\n59\n60\n", "1 1 1\n1\n0\n", "1 1 1\n1\n1\n", "1 1 1\n1\n2\n",
                "10 3 7\n3\n9\n12\n13\n", "5 5 5\n2\n1000000000\n999999999\n"],
    ),
    dict(
        id="hw/stdin/pyramid-blocks",
        difficulty="introductory",
        question="""\
Kira builds a square pyramid from cubes. The top level is a single cube, the level below it is
a 2x2 square of 4 cubes, the next a 3x3 square of 9 cubes, and so on: level k from the top
needs k*k cubes. She builds from the top down and stops when she does not have enough cubes for
the next level. How tall is her pyramid and how many cubes are left over?

-----Input-----

The only line contains n (1 <= n <= 10^12), the number of cubes.

-----Output-----

Print the height of the pyramid and then the number of leftover cubes; if no cubes are left
over print the word PERFECT instead of the number.

-----Examples-----
Input
20
Output
3 6

Input
5
Output
2 PERFECT
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
height = 0
while n >= (height + 1) ** 2:
    height += 1
    n -= height * height
if n == 0:
    print(height, "PERFECT")
else:
    print(height, n)
""",
        inputs=["20\n", "5\n", "1\n", "2\n", "13\n", "14\n", "30\n", "1000000000000\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Dates and times

PROBLEMS += [
    dict(
        id="hw/stdin/night-shift",
        difficulty="introductory",
        question="""\
A hospital records when each shift starts and ends, as HH:MM on a 24-hour clock. A shift never
lasts more than 24 hours. If the end time is earlier than the start time, the shift went past
midnight; if both times are equal, the shift lasted exactly 24 hours.

-----Input-----

The only line contains the start and the end time, separated by a space.

-----Output-----

Print the length of the shift as HH:MM (hours and minutes, both with two digits).

-----Example-----
Input
22:30 06:15
Output
07:45
""",
        starter_code="",
        fn_name=None,
        solution="""\
def to_minutes(text):
    hours, minutes = map(int, text.split(":"))
    return hours * 60 + minutes


start, end = map(to_minutes, input().split())
if end > start:
    length = end - start
elif end < start:
    length = end + 24 * 60 - start
else:
    length = 24 * 60
print(f"{length // 60:02d}:{length % 60:02d}")
""",
        inputs=["22:30 06:15\n", "09:00 17:30\n", "00:00 00:00\n", "23:59 00:00\n", "00:00 23:59\n",
                "12:00 11:59\n", "08:15 08:16\n"],
    ),
    dict(
        id="hw/stdin/palindrome-time",
        difficulty="interview",
        question="""\
Leo's digital watch shows the time as HH:MM. He loves the moments when the display reads the
same from right to left, like 13:31 or 05:50. Given the current time, find the next such
moment strictly after it. It may be on the next day.

-----Input-----

The only line contains the current time HH:MM (24-hour clock).

-----Output-----

Print the next palindromic time as HH:MM. If it falls on the next day, print the word
tomorrow after it, separated by a space.

-----Examples-----
Input
12:00
Output
12:21

Input
23:59
Output
00:00 tomorrow
""",
        starter_code="",
        fn_name=None,
        solution="""\
hours, minutes = map(int, input().split(":"))
now = hours * 60 + minutes
for step in range(1, 24 * 60 + 1):
    moment = (now + step) % (24 * 60)
    shown = f"{moment // 60:02d}:{moment % 60:02d}"
    if shown == shown[::-1]:
        if now + step >= 24 * 60:
            print(shown, "tomorrow")
        else:
            print(shown)
        break
""",
        inputs=["12:00\n", "23:59\n", "13:30\n", "13:31\n", "23:32\n", "00:00\n", "05:50\n",
                "15:51\n", "22:22\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Parsing and text

PROBLEMS += [
    dict(
        id="hw/stdin/roman-numerals",
        difficulty="interview",
        question="""\
A museum is digitising the dates carved on its old monuments, written in Roman numerals. The
symbols are I=1, V=5, X=10, L=50, C=100, D=500 and M=1000. Symbols are normally written from
largest to smallest and added up; when a symbol stands right before a larger one, it is
subtracted instead (IV is 4, XC is 90, CM is 900). Some transcriptions contain characters that
are not Roman symbols at all; those must be flagged.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a non-empty string
of at most 20 uppercase letters or other characters. Every string made only of Roman symbols is
a correctly written numeral between 1 and 3999.

-----Output-----

For each string print its value, or INVALID if it contains a character that is not a Roman
symbol.

-----Example-----
Input
3
XIV
MMXXIV
IIZ
Output
14
2024
INVALID
""",
        starter_code="",
        fn_name=None,
        solution="""\
values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
n = int(input())
for _ in range(n):
    numeral = input().strip()
    if any(ch not in values for ch in numeral):
        print("INVALID")
        continue
    total = 0
    for i, ch in enumerate(numeral):
        if i + 1 < len(numeral) and values[ch] < values[numeral[i + 1]]:
            total -= values[ch]
        else:
            total += values[ch]
    print(total)
""",
        inputs=["3\nXIV\nMMXXIV\nIIZ\n", "1\nI\n", "1\nIV\n", "1\nMCMXCIV\n", "1\nMMMCMXCIX\n",
                "2\nXLII\nABC\n", "1\nLVIII\n", "3\nIX\nXC\nCD\n"],
    ),
    dict(
        id="hw/stdin/anagram-phrases",
        difficulty="introductory",
        group="hw/call/loose-anagram",  # same topic as this call-based problem: same split
        question="""\
Two phrases are anagrams when one can be turned into the other by rearranging its letters,
ignoring spaces and the difference between upper and lower case. A puzzle magazine checks
readers' submissions, but it does not accept a phrase as an anagram of itself: if the two
phrases have exactly the same letters in the same order (again ignoring spaces and case),
the answer is SAME.

-----Input-----

Two lines, each with a phrase of 1 to 100 letters and spaces (at least one letter).

-----Output-----

Print SAME, YES if the phrases are anagrams, or NO.

-----Example-----
Input
Dormitory
Dirty room
Output
YES
""",
        starter_code="",
        fn_name=None,
        solution="""\
first = input().replace(" ", "").lower()
second = input().replace(" ", "").lower()
if first == second:
    print("SAME")
elif sorted(first) == sorted(second):
    print("YES")
else:
    print("NO")
""",
        inputs=["Dormitory\nDirty room\n", "listen\nsilent\n", "abc\nABC\n", "abc\nabd\n",
                "a\na a\n", "The eyes\nThey see\n", "ab c\nabc\n"],
    ),
    dict(
        id="hw/stdin/dna-differences",
        difficulty="introductory",
        question="""\
A biology lab compares two DNA strands of the same gene, written with the letters A, C, G and
T. The number of positions where the strands have different letters tells how far apart they
are. Lab files are sometimes corrupted: if the strands have different lengths, or either of
them contains a letter other than A, C, G and T, the comparison is an ERROR.

-----Input-----

Two lines, each with a strand of 1 to 1000 uppercase letters.

-----Output-----

Print ERROR, IDENTICAL if the strands are equal, or otherwise the number of differing positions.

-----Example-----
Input
ACCGTTA
ACGGTCA
Output
2
""",
        starter_code="",
        fn_name=None,
        solution="""\
first = input().strip()
second = input().strip()
if len(first) != len(second) or set(first + second) - set("ACGT"):
    print("ERROR")
else:
    differences = sum(a != b for a, b in zip(first, second))
    if differences == 0:
        print("IDENTICAL")
    else:
        print(differences)
""",
        inputs=["ACCGTTA\nACGGTCA\n", "A\nA\n", "A\nC\n", "ACGT\nACG\n", "ACGU\nACGT\n",
                "GATTACA\nGACTATA\n", "AAAA\nTTTT\n"],
    ),
    dict(
        id="hw/stdin/most-common-word",
        difficulty="introductory",
        question="""\
A newspaper editor wants to know which word a columnist overuses. Words are separated by
spaces; the punctuation marks . , ! ? ; : at the start or end of a word are not part of it, and
upper and lower case count as the same letter. A "word" left empty after removing punctuation
is not a word. Find the most frequent word; if several words are equally frequent, choose the
one that comes first alphabetically.

-----Input-----

One line of 1 to 1000 characters.

-----Output-----

Print the most frequent word in lower case and its count, or NO WORDS if the line has no words.

-----Example-----
Input
To be, or not to be: that is the question.
Output
be 2
""",
        starter_code="",
        fn_name=None,
        solution="""\
counts = {}
for token in input().split():
    word = token.strip(".,!?;:").lower()
    if word:
        counts[word] = counts.get(word, 0) + 1
if not counts:
    print("NO WORDS")
else:
    best = min(counts, key=lambda word: (-counts[word], word))
    print(best, counts[best])
""",
        inputs=["To be, or not to be: that is the question.\n", "Hello\n", "... !!!\n", "b a\n",
                "The cat and the hat.\n", "Go, go, GO! Stop.\n", "x y y x z\n"],
    ),
    dict(
        id="hw/stdin/temperature-convert",
        difficulty="introductory",
        question="""\
A weather website shows every temperature in both scales. Convert readings between Celsius and
Fahrenheit: F = C * 9 / 5 + 32 and C = (F - 32) * 5 / 9. Nothing can be colder than absolute
zero, which is -273.15 degrees Celsius or -459.67 degrees Fahrenheit; a reading below it is
IMPOSSIBLE. Readings in any other unit are reported as UNKNOWN UNIT.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a number (up to
two decimal places, absolute value at most 10000) and a unit letter, separated by a space.

-----Output-----

For each reading print the converted value with one digit after the decimal point followed by
a space and the other unit's letter, or IMPOSSIBLE, or UNKNOWN UNIT.

-----Example-----
Input
4
100 C
98.6 F
-300 C
20 K
Output
212.0 F
37.0 C
IMPOSSIBLE
UNKNOWN UNIT
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
for _ in range(n):
    number, unit = input().split()
    value = float(number)
    if unit == "C":
        if value < -273.15:
            print("IMPOSSIBLE")
        else:
            print(f"{value * 9 / 5 + 32:.1f} F")
    elif unit == "F":
        if value < -459.67:
            print("IMPOSSIBLE")
        else:
            print(f"{(value - 32) * 5 / 9:.1f} C")
    else:
        print("UNKNOWN UNIT")
""",
        inputs=["4\n100 C\n98.6 F\n-300 C\n20 K\n", "1\n0 C\n", "1\n32 F\n", "1\n-273.15 C\n",
                "1\n-460 F\n", "2\n-40 C\n-40 F\n", "3\n36.6 C\n451 F\n10 c\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Greedy, sorting and two pointers

PROBLEMS += [
    dict(
        id="hw/stdin/two-gifts",
        difficulty="interview",
        group="hw/call/count-pair-sums",  # same topic as this call-based problem: same split
        question="""\
Two friends want to buy two different gifts in a shop and spend exactly k coins together.
The shop has n gifts with known prices (different gifts may cost the same). Among all pairs of
different gifts whose prices add up to exactly k, they prefer the pair whose prices are
closest to each other, so that neither friend pays much more than the other.

-----Input-----

The first line contains n and k (1 <= n <= 10^5, -10^9 <= k <= 10^9). The second line contains
n integers, the prices (-10^9 to 10^9; a negative price is a voucher).

-----Output-----

Print the two prices of the chosen pair, the smaller first, or IMPOSSIBLE if no pair adds up
to k.

-----Example-----
Input
6 12
3 9 5 7 10 2
Output
5 7
""",
        starter_code="",
        fn_name=None,
        solution="""\
n, k = map(int, input().split())
prices = sorted(map(int, input().split()))
i, j = 0, n - 1
best = None
while i < j:
    total = prices[i] + prices[j]
    if total == k:
        best = (prices[i], prices[j])
        i += 1
        j -= 1
    elif total < k:
        i += 1
    else:
        j -= 1
if best is None:
    print("IMPOSSIBLE")
else:
    print(best[0], best[1])
""",
        inputs=["6 12\n3 9 5 7 10 2\n", "1 10\n10\n", "2 10\n5 5\n", "4 10\n1 9 2 8\n",
                "5 7\n1 2 3 4 5\n", "3 100\n1 2 3\n", "6 0\n-5 5 -1 1 0 3\n", "6 10\n5 5 5 1 9 3\n"],
    ),
    dict(
        id="hw/stdin/room-bookings",
        difficulty="interview",
        group="hw/call/merge-integer-ranges",  # same topic as this call-based problem: same split
        question="""\
A meeting room is booked n times during a day. Booking i occupies the room from minute l_i up
to minute r_i (the room is free again at minute r_i). Bookings may overlap, and a booking may
start exactly when another one ends. The facility manager wants to know for how many minutes
the room is occupied in total, and into how many separate busy blocks the bookings merge
(bookings that overlap or touch form one block).

-----Input-----

The first line contains n (1 <= n <= 10^4). Each of the next n lines contains l_i and r_i
(0 <= l_i < r_i <= 10^9), in any order of bookings.

-----Output-----

Print the total occupied time and the number of busy blocks.

-----Example-----
Input
4
540 600
570 630
700 720
630 660
Output
140 2
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
bookings = sorted(tuple(map(int, input().split())) for _ in range(n))
total = blocks = 0
block_start, block_end = bookings[0]
for start, end in bookings[1:]:
    if start <= block_end:
        if end > block_end:
            block_end = end
    else:
        total += block_end - block_start
        blocks += 1
        block_start, block_end = start, end
total += block_end - block_start
blocks += 1
print(total, blocks)
""",
        inputs=["4\n540 600\n570 630\n700 720\n630 660\n", "1\n0 5\n", "2\n1 3\n3 5\n", "2\n1 3\n4 5\n",
                "3\n1 10\n2 3\n4 5\n", "4\n5 6\n1 2\n3 4\n2 3\n",
                "3\n0 1000000000\n0 1\n999999999 1000000000\n"],
    ),
    dict(
        id="hw/stdin/cinema-seats",
        difficulty="introductory",
        question="""\
A group of k friends wants to sit next to each other in one row of a cinema. The row is shown
as a string: '.' is a free seat and 'X' is a taken seat. In how many different ways can the
group choose k adjacent free seats? (Two ways differ if they use a different set of seats.)

-----Input-----

The first line contains k (1 <= k <= 100). The second line contains the row, 1 to 100
characters, each '.' or 'X'.

-----Output-----

Print the number of ways, or NO SEATS if there is none.

-----Example-----
Input
3
....X...
Output
3
""",
        starter_code="",
        fn_name=None,
        solution="""\
k = int(input())
row = input().strip()
ways = run = 0
for seat in row:
    if seat == ".":
        run += 1
        if run >= k:
            ways += 1
    else:
        run = 0
if ways == 0:
    print("NO SEATS")
else:
    print(ways)
""",
        inputs=["3\n....X...\n", "1\nX\n", "1\n.\n", "2\n..X..\n", "3\n..X..\n", "2\n.....\n",
                "5\n.....\n", "1\nX.X.X\n"],
    ),
    dict(
        id="hw/stdin/election-runoff",
        difficulty="interview",
        group="hw/call/majority-value",  # same topic as this call-based problem: same split
        question="""\
A school elects its class speaker. Every ballot carries one candidate's name, or '-' for a
blank ballot; blank ballots are ignored. A candidate with strictly more than half of the
non-blank ballots wins at once. Otherwise the two candidates with the most votes go to a
runoff; when votes are tied, the name that comes first alphabetically ranks higher.

-----Input-----

The first line contains n (1 <= n <= 1000), the number of ballots. The second line contains n
ballots separated by spaces: each is a name of lowercase letters or '-'.

-----Output-----

Print the winner's name; or RUNOFF followed by the two runoff candidates, the higher ranked
first; or NO WINNER if every ballot is blank.

-----Example-----
Input
6
maya leo maya - zoe leo
Output
RUNOFF leo maya
""",
        starter_code="",
        fn_name=None,
        solution="""\
from collections import Counter

n = int(input())
votes = Counter()
for ballot in input().split():
    if ballot != "-":
        votes[ballot] += 1
valid = sum(votes.values())
if valid == 0:
    print("NO WINNER")
else:
    ranking = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    leader, top = ranking[0]
    if 2 * top > valid:
        print(leader)
    else:
        print("RUNOFF", leader, ranking[1][0])
""",
        inputs=["6\nmaya leo maya - zoe leo\n", "1\nann\n", "1\n-\n", "2\nann bob\n", "3\nbob ann bob\n",
                "4\nbob bob - -\n", "5\ncid ann bob ann cid\n", "7\neve eve eve dan dan - -\n"],
    ),
    dict(
        id="hw/stdin/minesweeper-hints",
        difficulty="interview",
        question="""\
In the game Minesweeper every cell without a mine shows how many of its up to eight
neighbours (horizontally, vertically or diagonally adjacent cells) contain a mine. Write the
part of the game that fills in these hints. A cell with no neighbouring mines stays '.'.

-----Input-----

The first line contains H and W (1 <= H, W <= 50). Each of the next H lines contains W
characters: '*' for a mine and '.' for an empty cell.

-----Output-----

Print the board with every empty cell that has at least one neighbouring mine replaced by the
number of such mines.

-----Example-----
Input
3 4
*...
..*.
....
Output
*211
12*1
.111
""",
        starter_code="",
        fn_name=None,
        solution="""\
height, width = map(int, input().split())
board = [input().strip() for _ in range(height)]
for r in range(height):
    line = []
    for c in range(width):
        if board[r][c] == "*":
            line.append("*")
            continue
        mines = 0
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                rr, cc = r + dr, c + dc
                if 0 <= rr < height and 0 <= cc < width and board[rr][cc] == "*":
                    mines += 1
        line.append(str(mines) if mines else ".")
    print("".join(line))
""",
        inputs=["3 4\n*...\n..*.\n....\n", "1 1\n.\n", "1 1\n*\n", "3 3\n***\n*.*\n***\n",
                "2 3\n*..\n...\n", "3 4\n....\n....\n....\n", "3 5\n*...*\n.....\n..*..\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Simple math

PROBLEMS += [
    dict(
        id="hw/stdin/reduce-fraction",
        difficulty="introductory",
        question="""\
A calculator app for school children shows every fraction in lowest terms: the numerator and
the denominator have no common divisor greater than 1, the denominator is positive (a minus
sign, if any, goes to the numerator), and a fraction whose denominator becomes 1 is shown as
a whole number. A fraction with denominator 0 is UNDEFINED.

-----Input-----

The only line contains a fraction a/b with integers a and b (|a|, |b| <= 10^9), without spaces.

-----Output-----

Print the fraction in lowest terms, a whole number, or UNDEFINED.

-----Examples-----
Input
12/-18
Output
-2/3

Input
9/3
Output
3
""",
        starter_code="",
        fn_name=None,
        solution="""\
from math import gcd

numerator, denominator = map(int, input().split("/"))
if denominator == 0:
    print("UNDEFINED")
else:
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    common = gcd(numerator, denominator)
    numerator //= common
    denominator //= common
    if denominator == 1:
        print(numerator)
    else:
        print(f"{numerator}/{denominator}")
""",
        inputs=["12/-18\n", "9/3\n", "6/8\n", "5/0\n", "0/7\n", "-4/-6\n", "3/-9\n", "0/0\n",
                "1000000000/999999999\n"],
    ),
    dict(
        id="hw/stdin/prime-or-not",
        difficulty="introductory",
        question="""\
A puzzle box opens only with prime numbers, so its owner checks every candidate code first. A
prime number is an integer greater than 1 whose only positive divisors are 1 and itself; an
integer greater than 1 that is not prime is composite, and 0 and 1 are neither.

-----Input-----

The first line contains n (1 <= n <= 20). The second line contains n integers
(0 <= value <= 2 * 10^9).

-----Output-----

For each value print PRIME, COMPOSITE or NEITHER on its own line.

-----Example-----
Input
5
0 1 2 15 97
Output
NEITHER
NEITHER
PRIME
COMPOSITE
PRIME
""",
        starter_code="",
        fn_name=None,
        solution="""\
def is_prime(x):
    if x % 2 == 0:
        return x == 2
    d = 3
    while d * d <= x:
        if x % d == 0:
            return False
        d += 2
    return True


n = int(input())
for value in map(int, input().split()):
    if value < 2:
        print("NEITHER")
    elif is_prime(value):
        print("PRIME")
    else:
        print("COMPOSITE")
""",
        inputs=["5\n0 1 2 15 97\n", "1\n1\n", "1\n2\n", "1\n4\n", "3\n9 25 49\n",
                "2\n1000000007 1000000009\n", "3\n2000000000 999999937 3\n"],
    ),
    dict(
        id="hw/stdin/number-to-words",
        difficulty="interview",
        question="""\
A bank prints the amount of every cheque in words. Numbers below 20 have their own names
(zero, one, ..., nineteen). Tens are twenty, thirty, forty, fifty, sixty, seventy, eighty and
ninety, and the other numbers below 100 join the tens and the ones with a hyphen, as in
forty-two. Numbers from 100 to 999 start with the hundreds ("three hundred") followed, if the
rest is not zero, by a space and the rest written as above.

-----Input-----

The only line contains an integer n (0 <= n <= 999).

-----Output-----

Print n in words, in lower case.

-----Example-----
Input
342
Output
three hundred forty-two
""",
        starter_code="",
        fn_name=None,
        solution="""\
ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
        "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def below_hundred(n):
    if n < 20:
        return ONES[n]
    word = TENS[n // 10]
    if n % 10:
        word += "-" + ONES[n % 10]
    return word


n = int(input())
if n < 100:
    print(below_hundred(n))
else:
    words = ONES[n // 100] + " hundred"
    if n % 100:
        words += " " + below_hundred(n % 100)
    print(words)
""",
        inputs=["342\n", "0\n", "7\n", "13\n", "20\n", "42\n", "99\n", "100\n", "305\n", "610\n",
                "999\n"],
    ),
    dict(
        id="hw/stdin/even-odd-cards",
        difficulty="introductory",
        question="""\
Alice and Bob play with a pile of numbered cards. Alice takes every card with an even number
and Bob every card with an odd number; each player's score is the sum of the numbers on their
cards (a player without cards scores 0). Numbers may be negative: -3 is odd and -4 is even.
Who wins?

-----Input-----

The first line contains n (1 <= n <= 1000). The second line contains the n numbers on the
cards (-1000 to 1000).

-----Output-----

Print ALICE or BOB for the player with the larger score, or TIE.

-----Example-----
Input
5
4 7 2 1 3
Output
BOB
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
alice = bob = 0
for card in map(int, input().split()):
    if card % 2 == 0:
        alice += card
    else:
        bob += card
if alice > bob:
    print("ALICE")
elif bob > alice:
    print("BOB")
else:
    print("TIE")
""",
        inputs=["5\n4 7 2 1 3\n", "1\n0\n", "1\n2\n", "1\n-3\n", "2\n5 5\n", "4\n-4 -1 6 3\n",
                "3\n1 1 2\n"],
    ),
    dict(
        id="hw/stdin/base-conversion",
        difficulty="introductory",
        question="""\
A programming teacher wants to show her class the same number in different bases. Write the
integer n in base b, using the digits 0-9 and then the capital letters A-F for the digit
values 10 to 15. A negative number is written with a minus sign in front of its absolute
value, and zero is written as 0 in every base.

-----Input-----

The only line contains n and b (|n| <= 10^18, 2 <= b <= 16).

-----Output-----

Print n written in base b.

-----Examples-----
Input
255 16
Output
FF

Input
-10 2
Output
-1010
""",
        starter_code="",
        fn_name=None,
        solution="""\
n, base = map(int, input().split())
DIGITS = "0123456789ABCDEF"
if n == 0:
    print("0")
else:
    sign = ""
    if n < 0:
        sign = "-"
        n = -n
    digits = []
    while n > 0:
        n, remainder = divmod(n, base)
        digits.append(DIGITS[remainder])
    print(sign + "".join(reversed(digits)))
""",
        inputs=["255 16\n", "-10 2\n", "0 7\n", "1 2\n", "7 8\n", "100 10\n", "-1 16\n",
                "1000000000000000000 3\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# More grids and boards

PROBLEMS += [
    dict(
        id="hw/stdin/quadrant-count",
        difficulty="introductory",
        question="""\
A surveyor marks n trees on a map whose origin is the town fountain. The map is split into four
quadrants: I (x > 0, y > 0), II (x < 0, y > 0), III (x < 0, y < 0) and IV (x > 0, y < 0). Trees
exactly on one of the axes (x = 0 or y = 0) belong to no quadrant and are counted separately.

-----Input-----

The first line contains n (1 <= n <= 1000). Each of the next n lines contains the coordinates
x and y of a tree (-1000 <= x, y <= 1000).

-----Output-----

Print five integers: the number of trees in quadrants I, II, III and IV, and on the axes.

-----Example-----
Input
6
1 2
-3 4
-1 -1
5 -5
0 7
2 3
Output
2 1 1 1 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
first = second = third = fourth = on_axis = 0
for _ in range(n):
    x, y = map(int, input().split())
    if x == 0 or y == 0:
        on_axis += 1
    elif x > 0 and y > 0:
        first += 1
    elif x < 0 and y > 0:
        second += 1
    elif x < 0:
        third += 1
    else:
        fourth += 1
print(first, second, third, fourth, on_axis)
""",
        inputs=["6\n1 2\n-3 4\n-1 -1\n5 -5\n0 7\n2 3\n", "1\n0 0\n", "1\n1 1\n", "1\n-1 1\n",
                "1\n-1 -1\n", "1\n1 -1\n", "4\n1000 0\n0 -1000\n-1000 -1000\n1000 -1000\n"],
    ),
    dict(
        id="hw/stdin/snakes-and-ladders",
        difficulty="interview",
        question="""\
In a game of snakes and ladders the squares are numbered 1 to N and the player starts on
square 1. Each roll of the die moves the player forward by the number rolled. If the move would
go past square N, the player does not move at all. Landing on the foot of a ladder or the head
of a snake immediately moves the player to the other end of it. The player wins on reaching
square N exactly.

Given the board and the rolls, tell when the player wins, or where the player stands when the
rolls run out.

-----Input-----

The first line contains N and m (10 <= N <= 1000, 0 <= m <= 50). Each of the next m lines
contains two different squares a and b: landing on a moves the player to b. No a is 1 or N, and
no b is the start of another jump. The next line contains k (1 <= k <= 1000) and the last line
contains the k rolls (each from 1 to 6).

-----Output-----

Print WIN followed by the number of the roll that reached square N, or STOPPED AT followed by
the final square.

-----Example-----
Input
30 3
3 22
17 4
27 1
5
2 6 1 6 1
Output
WIN 5
""",
        starter_code="",
        fn_name=None,
        solution="""\
size, m = map(int, input().split())
jumps = {}
for _ in range(m):
    start, end = map(int, input().split())
    jumps[start] = end
k = int(input())
rolls = list(map(int, input().split()))
square = 1
for number, roll in enumerate(rolls, start=1):
    if square + roll > size:
        continue
    square += roll
    if square in jumps:
        square = jumps[square]
    if square == size:
        print("WIN", number)
        break
else:
    print("STOPPED AT", square)
""",
        inputs=["30 3\n3 22\n17 4\n27 1\n5\n2 6 1 6 1\n", "10 0\n2\n6 3\n", "10 0\n2\n6 6\n",
                "10 1\n4 10\n1\n3\n", "20 2\n5 2\n8 15\n4\n4 3 3 5\n", "20 2\n5 2\n8 15\n3\n1 6 5\n",
                "12 1\n11 2\n3\n5 5 1\n"],
    ),
    dict(
        id="hw/stdin/tic-tac-toe",
        difficulty="interview",
        question="""\
A referee robot looks at a 3x3 tic-tac-toe board and announces the state of the game. A
player wins with three of their marks in a row, a column or a diagonal. The board is always a
position reachable in a real game in which X moved first, so at most one player has won.

-----Input-----

Three lines of three characters each: X, O, or '.' for an empty cell.

-----Output-----

Print X WINS or O WINS if a player has won; otherwise DRAW if the board is full, or ONGOING.

-----Examples-----
Input
XOX
XOO
OXX
Output
DRAW

Input
XO.
.XO
..X
Output
X WINS
""",
        starter_code="",
        fn_name=None,
        solution="""\
board = [input().strip() for _ in range(3)]
lines = list(board)
lines += ["".join(board[r][c] for r in range(3)) for c in range(3)]
lines.append(board[0][0] + board[1][1] + board[2][2])
lines.append(board[0][2] + board[1][1] + board[2][0])
winner = None
for line in lines:
    if line in ("XXX", "OOO"):
        winner = line[0]
if winner is not None:
    print(winner, "WINS")
elif any("." in row for row in board):
    print("ONGOING")
else:
    print("DRAW")
""",
        inputs=["XOX\nXOO\nOXX\n", "XO.\n.XO\n..X\n", "...\n...\n...\n", "OOO\nXX.\nX..\n",
                "XOX\n.O.\nXO.\n", "XXO\nXO.\nO..\n", "X.O\nXO.\nX..\n", "X..\n.O.\n..X\n"],
    ),
    dict(
        id="hw/stdin/grid-paths",
        difficulty="interview",
        question="""\
A delivery robot crosses a city of H x W blocks from the top-left block to the bottom-right
block, always moving one block right or one block down. Some blocks are closed for
construction ('#') and cannot be entered; open blocks are '.'. In how many different ways can
the robot make the trip? The answer can be huge, so print it modulo 1000000007. If the start
or the end block is closed, the answer is 0.

-----Input-----

The first line contains H and W (1 <= H, W <= 100). Each of the next H lines contains W
characters, '.' or '#'.

-----Output-----

Print the number of ways modulo 1000000007.

-----Example-----
Input
3 3
...
.#.
...
Output
2
""",
        starter_code="",
        fn_name=None,
        solution="""\
MOD = 10**9 + 7
height, width = map(int, input().split())
city = [input().strip() for _ in range(height)]
ways = [[0] * width for _ in range(height)]
for r in range(height):
    for c in range(width):
        if city[r][c] == "#":
            continue
        if r == 0 and c == 0:
            ways[r][c] = 1
            continue
        total = 0
        if r > 0:
            total += ways[r - 1][c]
        if c > 0:
            total += ways[r][c - 1]
        ways[r][c] = total % MOD
print(ways[height - 1][width - 1])
""",
        inputs=["3 3\n...\n.#.\n...\n", "1 1\n.\n", "1 1\n#\n", "2 2\n..\n.#\n", "2 3\n...\n...\n",
                "3 3\n.#.\n#..\n...\n", "4 4\n....\n.##.\n....\n#...\n",
                "60 60\n" + ("." * 60 + "\n") * 60],
    ),
]
