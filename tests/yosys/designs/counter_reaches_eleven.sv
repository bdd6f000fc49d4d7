// expect: FAILED 11
// depth: 14
// trace: b1011
// The counter starts at 0 and reaches 11 after eleven enabled steps at the
// earliest; the counterexample trace must show it there.
module counter_reaches_eleven(input clk, input enable);
  reg [3:0] count;
  initial count = 0;
  always @(posedge clk) if (enable) count <= count + 1;
  always @(*) assert(count != 11);
endmodule
