(set-logic)
(set-logic 3)
(set-logic "QF_BV")
(echo "after")
