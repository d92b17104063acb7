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

# ---------------------------------------------------------------------------------------------
# Rules, validation and small parsers

PROBLEMS += [
    dict(
        id="hw/stdin/library-fines",
        difficulty="introductory",
        question="""\
The town library charges fines for books returned late. A book returned on or before its due
date costs nothing. A book returned 1 to 7 days late costs 10 per day. From the 8th day on
every further day costs 20, on top of the 70 for the first week. A book more than 30 days late
costs a flat 600 and the reader's membership is suspended. All dates are in the same year,
which is not a leap year.

-----Input-----

The only line contains the due date and the return date, each as DD.MM, separated by a space.

-----Output-----

Print NO FINE, the fine as an integer, or 600 SUSPENDED.

-----Example-----
Input
20.04 05.05
Output
230

-----Note-----

The book is 15 days late: 70 for the first week and 8 * 20 = 160 for the rest.
""",
        starter_code="",
        fn_name=None,
        solution="""\
DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]


def day_number(text):
    day, month = map(int, text.split("."))
    return DAYS_BEFORE_MONTH[month - 1] + day


due, returned = map(day_number, input().split())
late = returned - due
if late <= 0:
    print("NO FINE")
elif late <= 7:
    print(10 * late)
elif late <= 30:
    print(70 + 20 * (late - 7))
else:
    print("600 SUSPENDED")
""",
        inputs=["20.04 05.05\n", "01.03 01.03\n", "10.05 09.05\n", "28.02 01.03\n", "01.01 08.01\n",
                "01.01 09.01\n", "01.01 31.01\n", "01.01 01.02\n", "25.12 01.01\n"],
    ),
    dict(
        id="hw/stdin/tshirt-sizes",
        difficulty="introductory",
        question="""\
A charity run gives every volunteer a T-shirt. The sizes are S, M, L, XL and XXL, and the
organisers know how many shirts of each size they have. Volunteers come one at a time and name
their size. A volunteer gets a shirt of that size if one is left; otherwise they accept a
shirt one size larger if one is left (there is nothing larger than XXL); otherwise they get
nothing.

-----Input-----

The first line contains five integers, the numbers of S, M, L, XL and XXL shirts (0 to 100).
The second line contains n (1 <= n <= 500). Each of the next n lines contains a size.

-----Output-----

For each volunteer print the size they get, or NONE.

-----Example-----
Input
1 0 2 1 0
5
S
S
M
XL
XXL
Output
S
NONE
L
XL
NONE
""",
        starter_code="",
        fn_name=None,
        solution="""\
SIZES = ["S", "M", "L", "XL", "XXL"]
stock = list(map(int, input().split()))
n = int(input())
for _ in range(n):
    wanted = SIZES.index(input().strip())
    if stock[wanted] > 0:
        stock[wanted] -= 1
        print(SIZES[wanted])
    elif wanted + 1 < len(SIZES) and stock[wanted + 1] > 0:
        stock[wanted + 1] -= 1
        print(SIZES[wanted + 1])
    else:
        print("NONE")
""",
        inputs=["1 0 2 1 0\n5\nS\nS\nM\nXL\nXXL\n", "0 0 0 0 0\n1\nM\n", "0 0 0 0 1\n1\nXXL\n",
                "0 0 0 0 1\n1\nXL\n", "2 0 0 0 0\n3\nS\nS\nS\n", "0 1 0 0 0\n2\nS\nS\n",
                "5 5 5 5 5\n4\nXXL\nL\nM\nS\n"],
    ),
    dict(
        id="hw/stdin/ipv4-check",
        difficulty="interview",
        question="""\
A firewall reads IPv4 addresses from a configuration file and sorts them into three kinds. A
valid address has exactly four parts separated by dots; every part is a number from 0 to 255
written in decimal digits only, without a leading zero (a single 0 is fine). A valid address is
PRIVATE if it starts with 10, or with 172 followed by a second part from 16 to 31, or with 192
followed by 168; otherwise it is PUBLIC. Anything else is INVALID.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a string of 1 to 30
characters without spaces.

-----Output-----

For each string print PRIVATE, PUBLIC or INVALID.

-----Example-----
Input
4
192.168.1.20
8.8.8.8
256.1.1.1
172.32.0.1
Output
PRIVATE
PUBLIC
INVALID
PUBLIC
""",
        starter_code="",
        fn_name=None,
        solution="""\
def parse(address):
    parts = address.split(".")
    if len(parts) != 4:
        return None
    numbers = []
    for part in parts:
        if not part.isdigit() or (len(part) > 1 and part[0] == "0") or int(part) > 255:
            return None
        numbers.append(int(part))
    return numbers


n = int(input())
for _ in range(n):
    a = parse(input().strip())
    if a is None:
        print("INVALID")
    elif a[0] == 10 or (a[0] == 172 and 16 <= a[1] <= 31) or (a[0] == 192 and a[1] == 168):
        print("PRIVATE")
    else:
        print("PUBLIC")
""",
        inputs=["4\n192.168.1.20\n8.8.8.8\n256.1.1.1\n172.32.0.1\n", "1\n10.0.0.1\n", "1\n0.0.0.0\n",
                "1\n1.2.3\n", "3\n01.2.3.4\n1..2.3\n1.2.3.4.5\n", "2\n172.16.0.1\n172.31.255.255\n",
                "3\n192.169.0.1\n255.255.255.255\na.b.c.d\n"],
    ),
    dict(
        id="hw/stdin/phone-format",
        difficulty="introductory",
        question="""\
A contact app cleans up phone numbers typed by users. Users add spaces, dashes, dots,
parentheses and a plus sign wherever they like, so only the digits count. A number with 10
digits is shown as (XXX) XXX-XXXX. A number with 11 digits whose first digit is 1 (the country
code) is shown the same way after dropping that 1. Every other number, and any number that
contains a letter, is INVALID.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a typed number of 1
to 30 characters.

-----Output-----

For each number print the formatted number or INVALID.

-----Example-----
Input
3
+1 (555) 123-4567
555.123.4567
12-34
Output
(555) 123-4567
(555) 123-4567
INVALID
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
for _ in range(n):
    typed = input().strip()
    if any(ch.isalpha() for ch in typed):
        print("INVALID")
        continue
    digits = "".join(ch for ch in typed if ch.isdigit())
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) == 10:
        print(f"({digits[:3]}) {digits[3:6]}-{digits[6:]}")
    else:
        print("INVALID")
""",
        inputs=["3\n+1 (555) 123-4567\n555.123.4567\n12-34\n", "1\n0123456789\n", "1\n21234567890\n",
                "1\n1-800-FLOWERS\n", "2\n11234567890\n(020) 7946 0958\n", "1\n5551234567 x\n",
                "1\n123456789012\n"],
    ),
    dict(
        id="hw/stdin/pocket-calculator",
        difficulty="introductory",
        question="""\
A pocket calculator works with whole numbers only. It understands the operations +, -, * and
/, where / divides and rounds the result down (towards minus infinity, so -7 / 2 is -4).
Dividing by zero, or typing an operation it does not know, shows ERROR.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains an expression
"a op b": integers a and b (|a|, |b| <= 10^9) and a one-character operation, separated by
spaces.

-----Output-----

For each expression print its value or ERROR.

-----Example-----
Input
4
7 + 5
-7 / 2
3 / 0
6 * -2
Output
12
-4
ERROR
-12
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
for _ in range(n):
    left, op, right = input().split()
    a, b = int(left), int(right)
    if op == "+":
        print(a + b)
    elif op == "-":
        print(a - b)
    elif op == "*":
        print(a * b)
    elif op == "/" and b != 0:
        print(a // b)
    else:
        print("ERROR")
""",
        inputs=["4\n7 + 5\n-7 / 2\n3 / 0\n6 * -2\n", "1\n0 - 0\n", "1\n2 % 3\n", "1\n9 / 3\n",
                "2\n1000000000 * 1000000000\n-1000000000 - 1000000000\n", "1\n7 / -2\n", "1\n0 / 0\n"],
    ),
    dict(
        id="hw/stdin/pangram",
        difficulty="introductory",
        question="""\
A typing teacher collects sentences that use every letter of the English alphabet at least
once (pangrams), ignoring case. For a sentence that is not a pangram she wants the list of
missing letters. A sentence without any letters at all is reported as EMPTY.

-----Input-----

One line of 1 to 1000 printable characters.

-----Output-----

Print PANGRAM, EMPTY, or MISSING followed by a space and the missing letters in alphabetical
order, in lower case and without spaces.

-----Examples-----
Input
The quick brown fox jumps over the lazy dog
Output
PANGRAM

Input
Hello world
Output
MISSING abcfgijkmnpqstuvxyz
""",
        starter_code="",
        fn_name=None,
        solution="""\
import string

letters = {ch for ch in input().lower() if ch in string.ascii_lowercase}
missing = [ch for ch in string.ascii_lowercase if ch not in letters]
if not letters:
    print("EMPTY")
elif not missing:
    print("PANGRAM")
else:
    print("MISSING", "".join(missing))
""",
        inputs=["The quick brown fox jumps over the lazy dog\n", "Hello world\n", "12345 !?\n",
                "abcdefghijklmnopqrstuvwxyz\n", "ABCDEFGHIJKLMNOPQRSTUVWXY\n",
                "Pack my box with five dozen liquor jugs.\n", "z\n"],
    ),
    dict(
        id="hw/stdin/seat-type",
        difficulty="introductory",
        question="""\
A small airline's planes have rows 1 to 30 with six seats in each row, labelled A to F. Seats A
and F are at the WINDOW, B and E in the MIDDLE, and C and D at the AISLE. Rows 12 and 13 are
next to the emergency exits. The check-in kiosk must describe the seat a passenger typed, like
12C, and reject seats that do not exist.

-----Input-----

The only line contains a string of 1 to 5 characters without spaces.

-----Output-----

Print INVALID, or the seat type (WINDOW, MIDDLE or AISLE) followed by " EXIT ROW" when the seat
is in row 12 or 13.

-----Examples-----
Input
12C
Output
AISLE EXIT ROW

Input
7A
Output
WINDOW
""",
        starter_code="",
        fn_name=None,
        solution="""\
seat = input().strip()
row, letter = seat[:-1], seat[-1:]
if not row.isdigit() or not 1 <= int(row) <= 30 or letter not in list("ABCDEF"):
    print("INVALID")
else:
    if letter in "AF":
        kind = "WINDOW"
    elif letter in "BE":
        kind = "MIDDLE"
    else:
        kind = "AISLE"
    if int(row) in (12, 13):
        kind += " EXIT ROW"
    print(kind)
""",
        inputs=["12C\n", "7A\n", "30F\n", "13E\n", "1B\n", "31A\n", "0C\n", "12G\n", "C\n", "14D\n"],
    ),
    dict(
        id="hw/stdin/keyboard-rows",
        difficulty="introductory",
        question="""\
On a QWERTY keyboard the letters lie in three rows: qwertyuiop, asdfghjkl and zxcvbnm. Some
words can be typed using the letters of a single row only, like "Alaska" or "typewriter". Find
all such words in a list, ignoring the case of the letters.

-----Input-----

The first line contains n (1 <= n <= 100). The second line contains n words of 1 to 20 English
letters, separated by spaces.

-----Output-----

Print the words that can be typed on one row, in their original order and spelling, separated
by spaces, or NONE if there are no such words.

-----Example-----
Input
5
Hello Alaska Dad Peace typewriter
Output
Alaska Dad typewriter
""",
        starter_code="",
        fn_name=None,
        solution="""\
ROWS = [set("qwertyuiop"), set("asdfghjkl"), set("zxcvbnm")]
n = int(input())
found = []
for word in input().split():
    letters = set(word.lower())
    if any(letters <= row for row in ROWS):
        found.append(word)
if found:
    print(" ".join(found))
else:
    print("NONE")
""",
        inputs=["5\nHello Alaska Dad Peace typewriter\n", "1\na\n", "1\nab\n", "3\nZXC mnb QWERTY\n",
                "2\nkeyboard row\n", "4\nPOTTERY flask Mix zzz\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# More simulations and records

PROBLEMS += [
    dict(
        id="hw/stdin/hotel-rooms",
        difficulty="interview",
        question="""\
A hotel has rooms numbered 1 to R. When a guest checks in, the receptionist gives them the
free room with the smallest number; if every room is taken, the guest is turned away with the
answer FULL. When a guest checks out, their room becomes free again. Every check-out is by a
guest who currently has a room, and guest names are unique.

-----Input-----

The first line contains R and n (1 <= R <= 1000, 1 <= n <= 10^4). Each of the next n lines
contains an event: "in name" or "out name". At least one event is a check-in.

-----Output-----

For each check-in print the guest's name and their room number, or their name and FULL.

-----Example-----
Input
2 6
in ann
in bob
in cid
out ann
in dan
in eve
Output
ann 1
bob 2
cid FULL
dan 1
eve FULL
""",
        starter_code="",
        fn_name=None,
        solution="""\
import heapq

rooms, n = map(int, input().split())
free = list(range(1, rooms + 1))
room_of = {}
for _ in range(n):
    action, name = input().split()
    if action == "in":
        if free:
            room_of[name] = heapq.heappop(free)
            print(name, room_of[name])
        else:
            print(name, "FULL")
    else:
        heapq.heappush(free, room_of.pop(name))
""",
        inputs=["2 6\nin ann\nin bob\nin cid\nout ann\nin dan\nin eve\n", "1 1\nin solo\n",
                "1 3\nin a\nin b\nin c\n", "3 7\nin a\nin b\nin c\nout b\nout a\nin d\nin e\n",
                "5 4\nin x\nout x\nin y\nin z\n", "2 5\nin p\nin q\nout q\nout p\nin r\n"],
    ),
    dict(
        id="hw/stdin/next-bus",
        difficulty="introductory",
        question="""\
The first bus of the day leaves the stop at time F, and then a bus leaves every D minutes, but
no bus leaves after time L. A passenger arrives at the stop at time T. How many minutes must
they wait? A bus leaving exactly at time T is caught with a wait of 0.

-----Input-----

The first line contains F, L and D: two times HH:MM (F <= L) and an integer 1 <= D <= 120. The
second line contains T as HH:MM. All times are on the same day.

-----Output-----

Print the waiting time in minutes, or NO BUS if no more buses leave that day.

-----Example-----
Input
06:00 23:00 15
07:10
Output
5
""",
        starter_code="",
        fn_name=None,
        solution="""\
def to_minutes(text):
    hours, minutes = map(int, text.split(":"))
    return hours * 60 + minutes


first_text, last_text, every = input().split()
first, last, every = to_minutes(first_text), to_minutes(last_text), int(every)
now = to_minutes(input().strip())
if now <= first:
    departure = first
else:
    buses_gone = (now - first + every - 1) // every
    departure = first + buses_gone * every
if departure > last:
    print("NO BUS")
else:
    print(departure - now)
""",
        inputs=["06:00 23:00 15\n07:10\n", "06:00 23:00 15\n05:00\n", "06:00 23:00 15\n06:00\n",
                "06:00 23:00 15\n07:15\n", "06:00 23:00 15\n23:00\n", "06:00 23:00 15\n23:01\n",
                "06:00 22:50 20\n22:45\n", "00:00 23:59 120\n12:01\n"],
    ),
    dict(
        id="hw/stdin/bus-capacity",
        difficulty="introductory",
        question="""\
A city bus can carry at most C passengers and starts its route empty. At every stop, first
some passengers get off, then the people waiting try to get on. If not all of them fit, the
bus fills up and the rest are left behind. Count the passengers on board after the last stop,
the total number of people left behind, and the number of stops the bus leaves completely full.

-----Input-----

The first line contains C and n (1 <= C <= 1000, 1 <= n <= 1000). Each of the next n lines
contains two integers: how many passengers get off (never more than are on board) and how many
people are waiting (0 to 1000).

-----Output-----

Print three integers: passengers on board at the end, people left behind, and full departures.

-----Example-----
Input
50 3
0 30
10 40
25 5
Output
30 10 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
capacity, n = map(int, input().split())
on_board = left_behind = full_departures = 0
for _ in range(n):
    getting_off, waiting = map(int, input().split())
    on_board -= getting_off
    free_seats = capacity - on_board
    if waiting <= free_seats:
        on_board += waiting
    else:
        on_board = capacity
        left_behind += waiting - free_seats
    if on_board == capacity:
        full_departures += 1
print(on_board, left_behind, full_departures)
""",
        inputs=["50 3\n0 30\n10 40\n25 5\n", "1 1\n0 0\n", "1 1\n0 1\n", "1 1\n0 5\n",
                "10 3\n0 10\n10 10\n10 0\n", "5 4\n0 3\n1 1\n0 4\n5 0\n"],
    ),
    dict(
        id="hw/stdin/parking-lot",
        difficulty="interview",
        question="""\
A parking lot has C places and a camera at the gate that reads licence plates. Each event is
"IN plate" or "OUT plate". A car that arrives while the lot is full is turned away (FULL). The
camera sometimes misreads plates, so the system reports an ERROR for a car that enters while it
is already inside, or leaves while it is not inside; such events change nothing. At the end,
report the largest number of cars that were inside at the same time.

-----Input-----

The first line contains C and n (1 <= C <= 1000, 1 <= n <= 10^4). Each of the next n lines
contains an event; plates are 1 to 10 letters and digits.

-----Output-----

For every turned-away car print "FULL plate", for every faulty event "ERROR plate", in event
order; finally print "max k".

-----Example-----
Input
2 7
IN AB1
IN CD2
IN EF3
OUT AB1
IN EF3
OUT XY9
OUT CD2
Output
FULL EF3
ERROR XY9
max 2
""",
        starter_code="",
        fn_name=None,
        solution="""\
capacity, n = map(int, input().split())
inside = set()
most = 0
for _ in range(n):
    kind, plate = input().split()
    if kind == "IN":
        if plate in inside:
            print("ERROR", plate)
        elif len(inside) == capacity:
            print("FULL", plate)
        else:
            inside.add(plate)
            most = max(most, len(inside))
    elif plate in inside:
        inside.remove(plate)
    else:
        print("ERROR", plate)
print("max", most)
""",
        inputs=["2 7\nIN AB1\nIN CD2\nIN EF3\nOUT AB1\nIN EF3\nOUT XY9\nOUT CD2\n", "1 1\nOUT Q1\n",
                "1 1\nIN Q1\n", "1 2\nIN A\nIN A\n", "3 6\nIN A\nOUT A\nIN B\nOUT B\nIN C\nOUT C\n",
                "2 5\nIN A\nIN B\nIN C\nIN D\nOUT E\n"],
    ),
    dict(
        id="hw/stdin/step-goal",
        difficulty="introductory",
        question="""\
A fitness band counts the steps of every day. Its owner has a daily goal of G steps. For the
last n days, count how many days reached the goal (G steps or more) and find the longest run
of consecutive days that all reached it.

-----Input-----

The first line contains G and n (1 <= G <= 10^5, 1 <= n <= 1000). The second line contains n
integers, the step counts (0 to 10^5).

-----Output-----

Print two integers: the number of days the goal was reached and the longest run of such days.

-----Example-----
Input
10000 7
12000 8000 10000 15000 11000 3000 10001
Output
5 3
""",
        starter_code="",
        fn_name=None,
        solution="""\
goal, n = map(int, input().split())
good_days = run = longest = 0
for steps in map(int, input().split()):
    if steps >= goal:
        good_days += 1
        run += 1
        if run > longest:
            longest = run
    else:
        run = 0
print(good_days, longest)
""",
        inputs=["10000 7\n12000 8000 10000 15000 11000 3000 10001\n", "1 1\n0\n", "1 1\n1\n",
                "5 4\n5 5 5 5\n", "5 5\n4 5 4 5 4\n", "100 6\n100 200 0 300 400 500\n"],
    ),
    dict(
        id="hw/stdin/hiking-elevation",
        difficulty="introductory",
        question="""\
A hiking app records the elevation every kilometre. For a finished hike it reports the total
ascent (the sum of all rises between consecutive records), the total descent (the sum of all
drops), and the number of climbs: a climb is a maximal run of consecutive rises, and a flat or
falling stretch ends it.

-----Input-----

The first line contains n (1 <= n <= 1000). The second line contains n integers, the elevations
in metres (-500 to 9000).

-----Output-----

Print three integers: total ascent, total descent and the number of climbs.

-----Example-----
Input
6
100 150 150 120 180 200
Output
130 30 2
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
heights = list(map(int, input().split()))
ascent = descent = climbs = 0
climbing = False
for before, after in zip(heights, heights[1:]):
    if after > before:
        ascent += after - before
        if not climbing:
            climbs += 1
        climbing = True
    else:
        descent += before - after
        climbing = False
print(ascent, descent, climbs)
""",
        inputs=["6\n100 150 150 120 180 200\n", "1\n500\n", "2\n0 10\n", "2\n10 0\n", "3\n5 5 5\n",
                "7\n-10 0 10 0 10 0 10\n", "5\n9000 -500 9000 -500 9000\n"],
    ),
    dict(
        id="hw/stdin/sunset-view",
        difficulty="introductory",
        question="""\
A street runs from west to east, and the sun sets in the west. Each lot on the street has a
building of some height, or is empty (height 0). A building sees the sunset if it is strictly
taller than every building to its west. An empty lot sees nothing.

-----Input-----

The first line contains n (1 <= n <= 10^5). The second line contains n integers, the heights of
the lots from west to east (0 to 10^9).

-----Output-----

Print the number of buildings that see the sunset. If there is at least one, print on a second
line their positions (numbered from 1 in the west), in increasing order.

-----Example-----
Input
6
3 0 5 5 2 8
Output
3
1 3 6
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
tallest = 0
seeing = []
for position, height in enumerate(map(int, input().split()), start=1):
    if height == 0:
        continue
    if height > tallest:
        seeing.append(position)
        tallest = height
print(len(seeing))
if seeing:
    print(*seeing)
""",
        inputs=["6\n3 0 5 5 2 8\n", "1\n0\n", "1\n7\n", "4\n4 3 2 1\n", "4\n1 2 3 4\n", "3\n0 0 0\n",
                "5\n0 2 0 2 3\n"],
    ),
    dict(
        id="hw/stdin/judges-scores",
        difficulty="introductory",
        question="""\
In a gymnastics competition each judge types a score from 0 to 100 on a keypad. The keypads
are old: a number outside 0..100 is a typing error and that judge's score is ignored. To make
the result fair, when at least three valid scores remain the single highest and the single
lowest valid score are dropped (only one of each, even if several judges gave it) and the rest
are averaged. With one or two valid scores, all of them are averaged.

-----Input-----

The first line contains n (1 <= n <= 20), the number of judges. The second line contains n
integers (-1000 to 1000), the typed scores.

-----Output-----

Print the final score with exactly two digits after the decimal point, or NO SCORE if no valid
score remains.

-----Example-----
Input
5
7 9 8 10 6
Output
8.00
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
scores = sorted(s for s in map(int, input().split()) if 0 <= s <= 100)
if not scores:
    print("NO SCORE")
else:
    if len(scores) >= 3:
        scores = scores[1:-1]
    print(f"{sum(scores) / len(scores):.2f}")
""",
        inputs=["5\n7 9 8 10 6\n", "1\n100\n", "1\n101\n", "2\n0 1\n", "3\n0 0 0\n", "3\n10 90 50\n",
                "4\n100 100 100 0\n", "6\n1 2 3 4 5 6\n", "4\n-5 40 200 60\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Interview classics in a story

PROBLEMS += [
    dict(
        id="hw/stdin/class-ranking",
        difficulty="interview",
        question="""\
After a maths olympiad the teacher publishes the ranking. Students are ordered by score, the
highest first; students with equal scores are listed alphabetically and share the same place,
and the next place skips accordingly (two students in 1st place are followed by 3rd place).
Students who were absent (ABS) are listed at the end, alphabetically, with a dash instead of a
place.

-----Input-----

The first line contains n (1 <= n <= 1000). Each of the next n lines contains a name (lowercase
letters, unique) and a score from 0 to 100 or the word ABS.

-----Output-----

Print one line per student: the place, the name and the score (or "- name ABS").

-----Example-----
Input
5
olga 90
ivan 85
anna 90
petr ABS
boris 70
Output
1 anna 90
1 olga 90
3 ivan 85
4 boris 70
- petr ABS
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
present, absent = [], []
for _ in range(n):
    name, score = input().split()
    if score == "ABS":
        absent.append(name)
    else:
        present.append((-int(score), name))
present.sort()
place = 0
for i, (negative_score, name) in enumerate(present):
    if i == 0 or negative_score != present[i - 1][0]:
        place = i + 1
    print(place, name, -negative_score)
for name in sorted(absent):
    print("-", name, "ABS")
""",
        inputs=["5\nolga 90\nivan 85\nanna 90\npetr ABS\nboris 70\n", "1\nzed 0\n", "1\nzed ABS\n",
                "3\nc 50\nb 50\na 50\n", "4\nd 10\nc 20\nb 30\na 40\n",
                "6\nx 100\ny ABS\nw 99\nv 99\nu 98\nt ABS\n"],
    ),
    dict(
        id="hw/stdin/street-lamps",
        difficulty="interview",
        question="""\
The lamps along a street are described by a string: '1' for a working lamp and '0' for a
broken one. The city can afford to repair one broken lamp this month. Which repair gives the
longest stretch of consecutive working lamps? Print the length of that stretch. (If no lamp is
broken, nothing needs repairing.)

-----Input-----

The only line contains a string of 1 to 10^5 characters, each '0' or '1'.

-----Output-----

Print the length of the longest run of working lamps possible after at most one repair.

-----Example-----
Input
1101110
Output
6
""",
        starter_code="",
        fn_name=None,
        solution="""\
lamps = input().strip()
best = left = broken = 0
for right, lamp in enumerate(lamps):
    if lamp == "0":
        broken += 1
    while broken > 1:
        if lamps[left] == "0":
            broken -= 1
        left += 1
    best = max(best, right - left + 1)
print(best)
""",
        inputs=["1101110\n", "0\n", "1\n", "111\n", "000\n", "10101\n", "0110\n", "1" * 500 + "0" + "1" * 499 + "\n"],
    ),
    dict(
        id="hw/stdin/almost-palindrome",
        difficulty="interview",
        question="""\
A word game awards points for palindromes, words that read the same backwards. A word that is
not a palindrome but becomes one after deleting exactly one of its letters is ALMOST a
palindrome and earns half the points. Classify each word.

-----Input-----

The only line contains a word of 1 to 10^5 lowercase letters.

-----Output-----

Print PALINDROME, ALMOST or NO.

-----Examples-----
Input
abca
Output
ALMOST

Input
abc
Output
NO
""",
        starter_code="",
        fn_name=None,
        solution="""\
def is_palindrome(s, i, j):
    while i < j:
        if s[i] != s[j]:
            return False
        i, j = i + 1, j - 1
    return True


word = input().strip()
i, j = 0, len(word) - 1
while i < j and word[i] == word[j]:
    i, j = i + 1, j - 1
if i >= j:
    print("PALINDROME")
elif is_palindrome(word, i + 1, j) or is_palindrome(word, i, j - 1):
    print("ALMOST")
else:
    print("NO")
""",
        inputs=["abca\n", "abc\n", "a\n", "ab\n", "racecar\n", "abccdba\n", "abcdef\n", "deeee\n",
                "ebcbbececabbacecbbcbe\n"],
    ),
    dict(
        id="hw/stdin/rle-decode",
        difficulty="introductory",
        group="hw/call/run-length",  # same topic as this call-based problem: same split
        question="""\
A game stores its level maps compressed: every letter may be followed by a number saying how
many times it repeats, and a letter without a number appears once. So a3b2c means aaabbc.
A file whose text starts with a digit is corrupted. Decode a map line.

-----Input-----

The only line contains a non-empty string of lowercase letters and digits. Every number is at
least 1 and has no leading zeros, and the decoded line has at most 10^4 letters.

-----Output-----

Print the decoded line, or CORRUPTED.

-----Examples-----
Input
a3b2c
Output
aaabbc

Input
x12y
Output
xxxxxxxxxxxxy
""",
        starter_code="",
        fn_name=None,
        solution="""\
packed = input().strip()
if packed[0].isdigit():
    print("CORRUPTED")
else:
    pieces = []
    i = 0
    while i < len(packed):
        j = i + 1
        while j < len(packed) and packed[j].isdigit():
            j += 1
        if j > i + 1:
            count = int(packed[i + 1:j])
        else:
            count = 1
        pieces.append(packed[i] * count)
        i = j
    print("".join(pieces))
""",
        inputs=["a3b2c\n", "x12y\n", "a\n", "3a\n", "abc\n", "z1\n", "a2b10c1\n"],
    ),
    dict(
        id="hw/stdin/plot-overlap",
        difficulty="introductory",
        question="""\
Two neighbours argue about their garden plots. Each plot is a rectangle with sides parallel to
the axes of the town map, given by its lower-left corner (x1, y1) and upper-right corner
(x2, y2). Find the area the plots share. If they only share a piece of border (an edge or a
corner) print TOUCH, and if they do not meet at all print APART.

-----Input-----

Two lines, one per plot, each with four integers x1 y1 x2 y2 (-10^4 <= x1 < x2 <= 10^4,
-10^4 <= y1 < y2 <= 10^4).

-----Output-----

Print the shared area, TOUCH or APART.

-----Example-----
Input
0 0 4 3
2 1 6 5
Output
4
""",
        starter_code="",
        fn_name=None,
        solution="""\
ax1, ay1, ax2, ay2 = map(int, input().split())
bx1, by1, bx2, by2 = map(int, input().split())
width = min(ax2, bx2) - max(ax1, bx1)
height = min(ay2, by2) - max(ay1, by1)
if width < 0 or height < 0:
    print("APART")
elif width == 0 or height == 0:
    print("TOUCH")
else:
    print(width * height)
""",
        inputs=["0 0 4 3\n2 1 6 5\n", "0 0 1 1\n0 0 1 1\n", "0 0 2 2\n2 0 4 2\n", "0 0 2 2\n2 2 3 3\n",
                "0 0 2 2\n3 3 4 4\n", "0 0 10 10\n2 2 3 3\n", "-10000 -10000 10000 10000\n-10000 -10000 10000 10000\n",
                "0 0 2 2\n0 5 2 6\n"],
    ),
    dict(
        id="hw/stdin/age-today",
        difficulty="introductory",
        question="""\
A registration form asks for a date of birth and shows the person's age in full years. The
age goes up by one on the birthday itself; people born on February 29 get one year older on
March 1 in years without that day. On the birthday the form also wishes HAPPY BIRTHDAY. A date
of birth after today is NOT BORN YET.

-----Input-----

The first line contains today's date and the second line the date of birth, both as
YYYY-MM-DD (valid dates, years 1900 to 2100).

-----Output-----

Print NOT BORN YET, or the age, followed by " HAPPY BIRTHDAY" if today is the birthday.

-----Examples-----
Input
2024-05-10
2000-05-10
Output
24 HAPPY BIRTHDAY

Input
2024-05-09
2000-05-10
Output
23
""",
        starter_code="",
        fn_name=None,
        solution="""\
today = tuple(map(int, input().split("-")))
born = tuple(map(int, input().split("-")))
if born > today:
    print("NOT BORN YET")
else:
    age = today[0] - born[0]
    if today[1:] < born[1:]:
        age -= 1
    if today[1:] == born[1:]:
        print(age, "HAPPY BIRTHDAY")
    else:
        print(age)
""",
        inputs=["2024-05-10\n2000-05-10\n", "2024-05-09\n2000-05-10\n", "2024-05-10\n2024-05-10\n",
                "2024-05-10\n2024-05-11\n", "2023-03-01\n2000-02-29\n", "2023-02-28\n2000-02-29\n",
                "2024-02-29\n2000-02-29\n", "2100-12-31\n1900-01-01\n"],
    ),
    dict(
        id="hw/stdin/weekday",
        difficulty="interview",
        question="""\
A calendar widget needs the day of the week of any date. January 1 of the year 1 (in the
Gregorian calendar extended backwards) was a Monday. A year is a leap year if it is divisible
by 4, except years divisible by 100 that are not divisible by 400. Superstitious users also
want to be warned: if the date is a Friday the 13th, print UNLUCKY after the day's name.

-----Input-----

The only line contains a valid date YYYY-MM-DD (year 1 to 9999).

-----Output-----

Print the English name of the day of the week (Monday, Tuesday, ...), followed by " UNLUCKY"
for a Friday the 13th.

-----Examples-----
Input
2024-01-01
Output
Monday

Input
2023-10-13
Output
Friday UNLUCKY
""",
        starter_code="",
        fn_name=None,
        solution="""\
NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
year, month, day = map(int, input().split("-"))
past = year - 1
days = 365 * past + past // 4 - past // 100 + past // 400
days += DAYS_BEFORE_MONTH[month - 1] + day - 1
if month > 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
    days += 1
name = NAMES[days % 7]
if name == "Friday" and day == 13:
    print(name, "UNLUCKY")
else:
    print(name)
""",
        inputs=["2024-01-01\n", "2023-10-13\n", "0001-01-01\n", "2000-02-29\n", "2000-03-01\n",
                "1900-03-01\n", "2023-10-14\n", "2024-09-13\n", "9999-12-31\n", "2026-11-26\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Greedy and state machines

PROBLEMS += [
    dict(
        id="hw/stdin/vending-change",
        difficulty="interview",
        question="""\
A vending machine holds a limited number of coins of 10, 5, 2 and 1. To give change it always
starts with the largest coin: it takes as many coins of that value as it has and as still fit,
then moves on to the next smaller value. If this does not add up to the exact change, it gives
no coins at all and shows NO CHANGE (the customer gets a refund elsewhere). Coins given out
are gone from the machine for the following customers.

-----Input-----

The first line contains the numbers of 10, 5, 2 and 1 coins in the machine (0 to 1000). The
second line contains q (1 <= q <= 100). Each of the next q lines contains a change amount
(1 to 10^4).

-----Output-----

For each customer print the coins given, from the largest value, as "valuexcount" items
separated by spaces (only values actually used), or NO CHANGE.

-----Example-----
Input
1 1 2 3
3
18
9
3
Output
10x1 5x1 2x1 1x1
NO CHANGE
2x1 1x1
""",
        starter_code="",
        fn_name=None,
        solution="""\
COINS = (10, 5, 2, 1)
stock = dict(zip(COINS, map(int, input().split())))
q = int(input())
for _ in range(q):
    rest = int(input())
    given = []
    for coin in COINS:
        take = min(rest // coin, stock[coin])
        if take > 0:
            given.append((coin, take))
            rest -= take * coin
    if rest > 0:
        print("NO CHANGE")
    else:
        for coin, take in given:
            stock[coin] -= take
        print(" ".join(f"{coin}x{take}" for coin, take in given))
""",
        inputs=["1 1 2 3\n3\n18\n9\n3\n", "0 0 0 0\n1\n1\n", "0 0 0 1\n2\n1\n1\n", "5 0 0 0\n1\n30\n",
                "1 0 5 0\n2\n6\n7\n", "0 2 3 0\n1\n8\n", "2 2 2 2\n3\n13\n13\n13\n"],
    ),
    dict(
        id="hw/stdin/teleport-rooms",
        difficulty="interview",
        question="""\
In a puzzle game the castle has rooms 1 to n, and every room holds one teleporter. The
teleporter in room i sends the player to room t_i, where t_i = 0 means the castle exit. The
player starts in room 1 and always steps into the teleporter at once. Either the player
eventually leaves the castle, or they come back to a room they have already been in and are
trapped forever.

-----Input-----

The first line contains n (1 <= n <= 10^5). The second line contains t_1, ..., t_n
(0 <= t_i <= n).

-----Output-----

Print EXIT followed by the number of teleports used to leave the castle, or LOOP followed by
the number of different rooms the player visits.

-----Examples-----
Input
5
3 0 4 2 1
Output
EXIT 4

Input
3
2 3 2
Output
LOOP 3
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
target = [0] + list(map(int, input().split()))
visited = set()
room = 1
teleports = 0
while True:
    if room == 0:
        print("EXIT", teleports)
        break
    if room in visited:
        print("LOOP", len(visited))
        break
    visited.add(room)
    room = target[room]
    teleports += 1
""",
        inputs=["5\n3 0 4 2 1\n", "3\n2 3 2\n", "1\n0\n", "1\n1\n", "4\n2 3 4 0\n", "4\n2 1 4 0\n",
                "6\n6 5 4 3 2 0\n"],
    ),
    dict(
        id="hw/stdin/road-trip",
        difficulty="interview",
        question="""\
A driver sets off with a full tank that lasts R kilometres and must reach a town D kilometres
down a straight road. There are n gas stations on the way, at the given distances from the
start; at any station the driver may fill the tank up to full. What is the smallest number of
stops for fuel needed to reach the town? If the town cannot be reached, print IMPOSSIBLE.

-----Input-----

The first line contains D, R and n (1 <= D, R <= 10^9, 0 <= n <= 10^5). The second line contains
the n station positions (0 < position < D, in any order); it is empty when n is 0.

-----Output-----

Print the smallest number of stops, or IMPOSSIBLE.

-----Example-----
Input
100 40 5
20 35 60 75 90
Output
2
""",
        starter_code="",
        fn_name=None,
        solution="""\
distance, tank_range, n = map(int, input().split())
points = sorted(map(int, input().split())) + [distance]
refuelled_at = previous = stops = 0
possible = True
for point in points:
    if point - previous > tank_range:
        possible = False
        break
    if point - refuelled_at > tank_range:
        refuelled_at = previous
        stops += 1
    previous = point
if possible:
    print(stops)
else:
    print("IMPOSSIBLE")
""",
        inputs=["100 40 5\n20 35 60 75 90\n", "10 10 0\n\n", "10 9 0\n\n", "10 5 1\n5\n", "10 4 1\n5\n",
                "100 30 4\n90 30 60 20\n", "1000000000 1000000000 2\n1 2\n", "50 20 4\n10 20 30 40\n"],
    ),
    dict(
        id="hw/stdin/bishop-moves",
        difficulty="interview",
        question="""\
A chess bishop moves any number of squares diagonally. A chess trainer asks: what is the
smallest number of moves the bishop needs to get from one square to another on an empty
board? Squares are written as a column letter a-h followed by a row digit 1-8. A bishop never
changes the colour of its square, so some squares are out of its reach.

-----Input-----

The only line contains two squares separated by a space.

-----Output-----

Print the smallest number of moves, or NEVER.

-----Examples-----
Input
c1 f4
Output
1

Input
a1 a2
Output
NEVER
""",
        starter_code="",
        fn_name=None,
        solution="""\
start, goal = input().split()
c1, r1 = ord(start[0]) - ord("a"), int(start[1])
c2, r2 = ord(goal[0]) - ord("a"), int(goal[1])
if start == goal:
    print(0)
elif (c1 + r1) % 2 != (c2 + r2) % 2:
    print("NEVER")
elif abs(c1 - c2) == abs(r1 - r2):
    print(1)
else:
    print(2)
""",
        inputs=["c1 f4\n", "a1 a2\n", "e4 e4\n", "a1 h8\n", "h1 a8\n", "a1 a3\n", "d4 e6\n", "b2 g3\n"],
    ),
    dict(
        id="hw/stdin/word-wrap",
        difficulty="interview",
        question="""\
An e-reader for a tiny screen wraps text greedily: it puts as many words on a line as fit into
W characters, with one space between neighbouring words, and starts a new line when the next
word does not fit. A word longer than W characters is placed alone on its own line (and
sticks out of the screen).

-----Input-----

The first line contains W (1 <= W <= 100). The second line contains the text: 1 to 1000 words
of printable characters separated by spaces.

-----Output-----

Print the wrapped lines.

-----Example-----
Input
10
the quick brown fox jumps over a lazy dog
Output
the quick
brown fox
jumps over
a lazy dog
""",
        starter_code="",
        fn_name=None,
        solution="""\
width = int(input())
line = ""
for word in input().split():
    if not line:
        line = word
    elif len(line) + 1 + len(word) <= width:
        line += " " + word
    else:
        print(line)
        line = word
if line:
    print(line)
""",
        inputs=["10\nthe quick brown fox jumps over a lazy dog\n", "1\na\n", "1\na b c\n", "3\nabcdef g\n",
                "20\nfits on one line\n", "5\nhello world hi\n", "4\nab cd ef gh ij\n"],
    ),
    dict(
        id="hw/stdin/grocery-budget",
        difficulty="introductory",
        question="""\
Mia goes shopping with M coins and a list of items in the order she will find them in the
shop. She buys an item if she can still afford it; if not, she skips it and writes it down as
missed, then carries on with the next item (a cheaper one may still fit).

-----Input-----

The first line contains M and n (0 <= M <= 10^6, 1 <= n <= 100). Each of the next n lines
contains an item name (lowercase letters) and its price (1 to 10^6).

-----Output-----

Print the number of items bought and the money left. If some items were missed, print a
second line "missed:" followed by their names in list order, separated by spaces.

-----Example-----
Input
20 4
milk 5
cheese 18
bread 4
apples 12
Output
2 11
missed: cheese apples
""",
        starter_code="",
        fn_name=None,
        solution="""\
money, n = map(int, input().split())
bought = 0
missed = []
for _ in range(n):
    name, price = input().split()
    price = int(price)
    if price <= money:
        money -= price
        bought += 1
    else:
        missed.append(name)
print(bought, money)
if missed:
    print("missed:", " ".join(missed))
""",
        inputs=["20 4\nmilk 5\ncheese 18\nbread 4\napples 12\n", "0 1\ntea 1\n", "1 1\ntea 1\n",
                "10 3\na 3\nb 3\nc 3\n", "10 3\na 11\nb 12\nc 10\n", "1000000 2\nx 1000000\ny 1\n"],
    ),
    dict(
        id="hw/stdin/noise-alert",
        difficulty="interview",
        question="""\
A noise sensor near a concert hall records one reading per minute. The neighbours are warned as
soon as the average of the last k readings is strictly greater than a threshold T. Find the
first minute (numbered from 1) at which a warning is sent; a warning needs k full readings, so
it cannot come before minute k.

-----Input-----

The first line contains n, k and T (1 <= k <= n <= 10^5, 0 <= T <= 10^4). The second line
contains the n readings (0 to 10^4).

-----Output-----

Print the minute of the first warning, or NO ALERT.

-----Example-----
Input
7 3 20
10 20 25 30 5 40 50
Output
4
""",
        starter_code="",
        fn_name=None,
        solution="""\
n, k, threshold = map(int, input().split())
readings = list(map(int, input().split()))
window_sum = 0
alert = None
for minute, value in enumerate(readings):
    window_sum += value
    if minute >= k:
        window_sum -= readings[minute - k]
    if minute >= k - 1 and window_sum > threshold * k:
        alert = minute + 1
        break
if alert is None:
    print("NO ALERT")
else:
    print(alert)
""",
        inputs=["7 3 20\n10 20 25 30 5 40 50\n", "1 1 0\n0\n", "1 1 0\n1\n", "3 3 5\n5 5 5\n",
                "3 3 5\n5 5 6\n", "5 2 10\n100 0 0 0 21\n", "6 1 9\n1 2 3 10 4 5\n"],
    ),
]

# ---------------------------------------------------------------------------------------------
# Games, sport and media

PROBLEMS += [
    dict(
        id="hw/stdin/card-hands",
        difficulty="interview",
        question="""\
In a simplified poker game suits do not matter; only the ranks 2, 3, 4, 5, 6, 7, 8, 9, T, J, Q,
K, A (in increasing order) count. A hand of five cards is, from the best kind to the worst:
FOUR OF A KIND (four cards of one rank), FULL HOUSE (three of one rank and two of another),
STRAIGHT (five consecutive ranks; the ace may also be the lowest card, as in A 2 3 4 5),
THREE OF A KIND, TWO PAIRS, ONE PAIR, or HIGH CARD. A hand always gets the best kind it
qualifies for.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a hand: five ranks
separated by spaces; no rank appears more than four times.

-----Output-----

For each hand print its kind.

-----Example-----
Input
3
K K 2 K 2
A 2 3 4 5
7 9 J 3 Q
Output
FULL HOUSE
STRAIGHT
HIGH CARD
""",
        starter_code="",
        fn_name=None,
        solution="""\
from collections import Counter

ORDER = "23456789TJQKA"
n = int(input())
for _ in range(n):
    cards = input().split()
    counts = sorted(Counter(cards).values(), reverse=True)
    values = sorted(ORDER.index(card) for card in cards)
    straight = len(set(values)) == 5 and (values[4] - values[0] == 4 or values == [0, 1, 2, 3, 12])
    if counts[0] == 4:
        print("FOUR OF A KIND")
    elif counts[:2] == [3, 2]:
        print("FULL HOUSE")
    elif straight:
        print("STRAIGHT")
    elif counts[0] == 3:
        print("THREE OF A KIND")
    elif counts[:2] == [2, 2]:
        print("TWO PAIRS")
    elif counts[0] == 2:
        print("ONE PAIR")
    else:
        print("HIGH CARD")
""",
        inputs=["3\nK K 2 K 2\nA 2 3 4 5\n7 9 J 3 Q\n", "1\n9 9 9 9 2\n", "1\nT J Q K A\n",
                "1\nJ Q K A 2\n", "2\n5 5 5 8 2\n8 8 3 3 A\n", "1\n4 2 7 4 J\n", "1\n2 3 4 5 7\n"],
    ),
    dict(
        id="hw/stdin/snake-draft",
        difficulty="introductory",
        question="""\
Two captains, A and B, pick teams for a football match from n children whose skill levels are
known. To be fair they use a snake draft: the picks go A, B, B, A, A, B, B, A, A, ..., and each
captain always picks the most skilled child still available. Which team ends up stronger (the
strength of a team is the sum of its skills)?

-----Input-----

The first line contains n (1 <= n <= 100). The second line contains the n skill levels (1 to
1000).

-----Output-----

Print the strengths of team A and team B on the first line, and on the second line TEAM A or
TEAM B for the stronger team, or EVEN.

-----Example-----
Input
5
4 9 7 1 6
Output
14 13
TEAM A
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
skills = sorted(map(int, input().split()), reverse=True)
team_a = team_b = 0
for pick, skill in enumerate(skills):
    if (pick + 1) // 2 % 2 == 0:
        team_a += skill
    else:
        team_b += skill
print(team_a, team_b)
if team_a > team_b:
    print("TEAM A")
elif team_b > team_a:
    print("TEAM B")
else:
    print("EVEN")
""",
        inputs=["5\n4 9 7 1 6\n", "1\n5\n", "2\n3 3\n", "3\n10 9 8\n", "4\n1 1 1 1\n", "6\n6 5 4 3 2 1\n",
                "7\n100 1 1 1 1 1 1\n"],
    ),
    dict(
        id="hw/stdin/subtitle-shift",
        difficulty="interview",
        question="""\
The subtitles of a film are out of sync by d milliseconds. Each subtitle line has the form
"HH:MM:SS,mmm --> HH:MM:SS,mmm" (start and end). Shift every time by d (d may be negative). A
start time that would become negative becomes 00:00:00,000. A subtitle whose end time would be
at or before 00:00:00,000 is dropped completely.

-----Input-----

The first line contains d (-10^7 <= d <= 10^7). The second line contains n (1 <= n <= 1000).
Each of the next n lines contains a subtitle line; start is before end, and the shifted times
stay below 100 hours.

-----Output-----

Print the shifted subtitle lines that are kept, in the same format and order. If any were
dropped, print a last line "dropped k" with their number.

-----Example-----
Input
-1500
3
00:00:00,500 --> 00:00:01,400
00:00:01,000 --> 00:00:03,200
01:02:03,400 --> 01:02:05,000
Output
00:00:00,000 --> 00:00:01,700
01:02:01,900 --> 01:02:03,500
dropped 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
def parse(text):
    hours, minutes, rest = text.split(":")
    seconds, millis = rest.split(",")
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def show(ms):
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    seconds, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{ms:03d}"


delta = int(input())
n = int(input())
dropped = 0
for _ in range(n):
    start_text, arrow, end_text = input().split()
    start, end = parse(start_text) + delta, parse(end_text) + delta
    if end <= 0:
        dropped += 1
        continue
    if start < 0:
        start = 0
    print(show(start), arrow, show(end))
if dropped:
    print("dropped", dropped)
""",
        inputs=["-1500\n3\n00:00:00,500 --> 00:00:01,400\n00:00:01,000 --> 00:00:03,200\n01:02:03,400 --> 01:02:05,000\n",
                "0\n1\n00:00:00,000 --> 00:00:00,001\n", "-1\n1\n00:00:00,000 --> 00:00:00,001\n",
                "2500\n2\n00:00:59,000 --> 00:00:59,999\n00:59:59,999 --> 01:00:00,500\n",
                "-10000000\n2\n00:00:01,000 --> 00:00:02,000\n02:50:00,000 --> 03:00:00,000\n",
                "-200\n1\n00:00:00,100 --> 00:00:00,300\n"],
    ),
    dict(
        id="hw/stdin/lift-buttons",
        difficulty="introductory",
        question="""\
In the lift of an old hotel the buttons are labelled B9 ... B2, B1 for the basements, G for the
ground floor, and then 1, 2, ..., 12, 14, 15, ... up to 99: the superstitious owner left out 13,
so the button labelled 14 actually leads to the 13th floor above the ground, 15 to the 14th,
and so on. Convert button labels to real floor numbers, counting the ground floor as 0 and
basements as negative numbers. A label that is not on the panel is INVALID.

-----Input-----

The first line contains n (1 <= n <= 100). Each of the next n lines contains a label of 1 to 4
characters.

-----Output-----

For each label print the real floor number or INVALID.

-----Example-----
Input
4
G
B2
14
13
Output
0
-2
13
INVALID
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
for _ in range(n):
    label = input().strip()
    if label == "G":
        print(0)
    elif label[:1] == "B" and label[1:] in list("123456789"):
        print(-int(label[1:]))
    elif label.isdigit() and label[0] != "0" and int(label) <= 99 and label != "13":
        floor = int(label)
        if floor > 13:
            floor -= 1
        print(floor)
    else:
        print("INVALID")
""",
        inputs=["4\nG\nB2\n14\n13\n", "1\n1\n", "1\n12\n", "1\n99\n", "3\nB0\nB10\nB\n", "3\n0\n07\n100\n",
                "2\nB9\ng\n"],
    ),
    dict(
        id="hw/stdin/running-pace",
        difficulty="introductory",
        question="""\
A running app shows the average pace of a run: the time per kilometre, rounded down to a
whole second and written as M:SS. If the distance is 0 there is no pace. Paces faster than
2:30 per kilometre are beyond any human, so the app adds a warning CHECK GPS.

-----Input-----

The only line contains the distance in metres (0 <= distance <= 10^6) and the time as H:MM:SS
(at least one second, at most 99:59:59), separated by a space.

-----Output-----

Print NO DISTANCE, or the pace as M:SS (minutes may have more than two digits), followed by
" CHECK GPS" when the pace is faster than 2:30.

-----Examples-----
Input
42195 3:30:00
Output
4:58

Input
5000 0:10:00
Output
2:00 CHECK GPS
""",
        starter_code="",
        fn_name=None,
        solution="""\
distance_text, time_text = input().split()
distance = int(distance_text)
hours, minutes, seconds = map(int, time_text.split(":"))
total_seconds = hours * 3600 + minutes * 60 + seconds
if distance == 0:
    print("NO DISTANCE")
else:
    pace = total_seconds * 1000 // distance
    shown = f"{pace // 60}:{pace % 60:02d}"
    if pace < 150:
        shown += " CHECK GPS"
    print(shown)
""",
        inputs=["42195 3:30:00\n", "5000 0:10:00\n", "0 1:00:00\n", "1000 0:02:30\n", "1000 0:02:29\n",
                "1 99:59:59\n", "1000000 0:00:01\n", "10000 0:45:07\n"],
    ),
    dict(
        id="hw/stdin/domino-chain",
        difficulty="introductory",
        question="""\
Children lay dominoes in a row. Each domino has two halves with 0 to 6 pips, written a|b from
left to right. The row is a correct chain when the right half of every domino equals the left
half of the next one. A correct chain scores the total number of pips on all its dominoes;
otherwise the teacher points at the first domino whose right half does not match its
neighbour.

-----Input-----

The first line contains n (1 <= n <= 100). The second line contains the n dominoes a|b,
separated by spaces.

-----Output-----

Print OK and the total number of pips, or BROKEN AT i, where i is the position (from 1) of the
first domino that does not match the next one.

-----Examples-----
Input
4
3|5 5|1 1|1 1|6
Output
OK 23

Input
3
2|2 3|4 4|4
Output
BROKEN AT 1
""",
        starter_code="",
        fn_name=None,
        solution="""\
n = int(input())
dominoes = [tuple(map(int, piece.split("|"))) for piece in input().split()]
broken_at = None
for i in range(n - 1):
    if dominoes[i][1] != dominoes[i + 1][0]:
        broken_at = i + 1
        break
if broken_at is None:
    print("OK", sum(left + right for left, right in dominoes))
else:
    print("BROKEN AT", broken_at)
""",
        inputs=["4\n3|5 5|1 1|1 1|6\n", "3\n2|2 3|4 4|4\n", "1\n0|0\n", "1\n6|6\n", "2\n1|2 1|2\n",
                "5\n0|1 1|2 2|3 3|4 5|6\n", "3\n6|0 0|6 6|6\n"],
    ),
]
