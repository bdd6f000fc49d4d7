// expect: FAILED 3
// depth: 6
// A write-back buffer whose second port may overwrite the watched cell
// in the same cycle: the property fails once two writes have happened.
module memory_overwrite_bug(input clk, input [2:0] addr_a, input [2:0] addr_b, input [7:0] din, input we);
  reg [7:0] mem [0:7];
  reg [1:0] phase;
  initial phase = 0;
  always @(posedge clk) begin
    if (phase != 3) phase <= phase + 1;
    if (we) begin
      mem[addr_a] <= din;
      mem[addr_b] <= din + 8'd1;
    end
  end
  always @(*) if (phase == 3) assert(mem[addr_a] == mem[addr_b] || addr_a == addr_b || mem[addr_a] != 8'h00);
endmodule
