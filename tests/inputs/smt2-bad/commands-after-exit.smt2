(echo "before")
(exit)
(echo "after")
(assert (= x
