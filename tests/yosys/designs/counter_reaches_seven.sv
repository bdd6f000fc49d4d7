// expect: FAILED 7
// depth: 12
// The counter starts at 0 and reaches 7 after seven steps at the earliest.
module counter_reaches_seven(input clk, input enable);
  reg [3:0] count;
  initial count = 0;
  always @(posedge clk) if (enable) count <= count + 1;
  always @(*) assert(count != 7);
endmodule
