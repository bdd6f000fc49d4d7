check-sat x 12 "text" :keyword #b01
(echo "after")
