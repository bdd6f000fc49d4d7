(set-logic QF_FOO)
(echo "after")
