(get-info :reason-unknown)
(check-sat)
(get-info :reason-unknown)
(echo "after")
