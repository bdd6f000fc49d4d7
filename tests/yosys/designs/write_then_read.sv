// expect: PASSED
// depth: 8
// A memory of 16 words: a cell marked as written holds what was written
// last, whatever the other writes do.
module write_then_read(input clk, input [3:0] waddr, input [7:0] din, input we, input [3:0] watch);
  reg [7:0] mem [0:15];
  reg [7:0] expected;
  reg valid;
  initial valid = 0;
  always @(posedge clk) begin
    if (we) mem[waddr] <= din;
    if (we && waddr == watch) begin
      expected <= din;
      valid <= 1;
    end
  end
  // The watched address is fixed for the run.
  reg [3:0] first_watch;
  reg started;
  initial started = 0;
  always @(posedge clk) begin
    started <= 1;
    if (!started) first_watch <= watch;
  end
  always @(*) assume(!started || watch == first_watch);
  always @(*) if (valid) assert(mem[watch] == expected);
endmodule
