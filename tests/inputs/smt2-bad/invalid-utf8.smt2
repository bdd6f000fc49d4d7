(declare-const xÿþ Bool)
(echo "after")
