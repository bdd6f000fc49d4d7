(echo "before")
(echo "the file ends in this string
