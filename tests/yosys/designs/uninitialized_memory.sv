// expect: FAILED 0
// depth: 4
// Nothing writes 0x2a, but the memory starts with any contents: the
// assertion fails before the first clock.
module uninitialized_memory(input clk, input [1:0] waddr, input [1:0] raddr, input [7:0] din, input we);
  reg [7:0] mem [0:3];
  always @(posedge clk) if (we && din != 8'h2a) mem[waddr] <= din;
  always @(*) assert(mem[raddr] != 8'h2a);
endmodule
