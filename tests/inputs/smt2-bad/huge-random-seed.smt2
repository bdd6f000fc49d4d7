(set-option :random-seed 99999999999999999999)
(echo "after")
