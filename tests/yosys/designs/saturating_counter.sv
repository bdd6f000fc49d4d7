// expect: PASSED
// depth: 14
// induction: 12
// A counter that stops at 9 never passes it; 1-inductive only with the
// bound, so induction needs a few steps.
module saturating_counter(input clk, input rst);
  reg [3:0] count;
  initial count = 0;
  always @(posedge clk) begin
    if (rst) count <= 0;
    else if (count != 9) count <= count + 1;
  end
  always @(*) assert(count <= 9);
endmodule
