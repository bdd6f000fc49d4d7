(echo "before")
; a comment that the end of the file cuts off