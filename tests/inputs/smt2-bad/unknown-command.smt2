(check-sats)
(echo "after")
