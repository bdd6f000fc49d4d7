(echo "before")
(echo "never closed)
