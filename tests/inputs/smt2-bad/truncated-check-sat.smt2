(assert true)
(check-sat