; nothing but comments

   	
; and white space
;; until the end
