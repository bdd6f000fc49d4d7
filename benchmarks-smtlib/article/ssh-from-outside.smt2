; Can a tcp packet from outside 10.0.0.0/16 reach 10.0.1.5 on port 22?
; sat: yes, get-value shows one; unsat: no packet can.  Written by scripts/policy-smt.
(set-option :produce-models true)
(set-info :status sat)
(set-logic QF_BV)
(declare-const src (_ BitVec 32))
(declare-const dst (_ BitVec 32))
(declare-const port (_ BitVec 16))
(declare-const proto (_ BitVec 8))
; allowed: the rules of benchmarks-smtlib/article/firewall.json, the first that matches decides, none matching denies
;   1. admins: ssh: allow tcp from 10.0.8.0/24 to 0.0.0.0/0 ports 22
;   2. web: allow tcp from 0.0.0.0/0 to 10.0.1.0/24 ports 80,443
;   3. partner: file transfer: allow tcp from 198.51.100.0/24 to 10.0.1.0/24 ports 20-23
;   4. no other ssh: deny tcp from 0.0.0.0/0 to 0.0.0.0/0 ports 22
;   5. inside: allow any from 10.0.0.0/16 to 0.0.0.0/0 ports any
(define-fun allowed ((src (_ BitVec 32)) (dst (_ BitVec 32)) (port (_ BitVec 16)) (proto (_ BitVec 8))) Bool
  (ite (and (= proto (_ bv6 8)) (= (bvand src #xffffff00) #x0a000800) (= port (_ bv22 16))) true  ; 1
  (ite (and (= proto (_ bv6 8)) (= (bvand dst #xffffff00) #x0a000100) (or (= port (_ bv80 16)) (= port (_ bv443 16)))) true  ; 2
  (ite (and (= proto (_ bv6 8)) (= (bvand src #xffffff00) #xc6336400) (= (bvand dst #xffffff00) #x0a000100) (and (bvuge port (_ bv20 16)) (bvule port (_ bv23 16)))) true  ; 3
  (ite (and (= proto (_ bv6 8)) (= port (_ bv22 16))) false  ; 4
  (ite (= (bvand src #xffff0000) #x0a000000) true  ; 5
  false))))))
(assert (not (= (bvand src #xffff0000) #x0a000000)))  ; not from 10.0.0.0/16
(assert (= dst #x0a000105))  ; 10.0.1.5
(assert (= port (_ bv22 16)))
(assert (= proto (_ bv6 8)))  ; tcp
(assert (allowed src dst port proto))
(check-sat)
(get-value (src dst port proto))
(exit)
