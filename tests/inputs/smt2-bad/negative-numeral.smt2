(push -1)
(echo "after")
