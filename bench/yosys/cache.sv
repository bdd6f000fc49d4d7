// expect: PASSED
// depth: 8
// A write-through direct-mapped cache of 4 lines in front of a memory of
// 16 bytes: a read that hits returns what the memory holds.
module cache(input clk, input wr, input rd, input [3:0] addr, input [7:0] din);
  reg [7:0] mem [0:15];
  reg [7:0] line_data [0:3];
  reg [1:0] line_tag [0:3];
  reg [3:0] valid;
  initial valid = 0;
  wire [1:0] index = addr[1:0];
  wire [1:0] tag = addr[3:2];
  wire hit = valid[index] && line_tag[index] == tag;
  always @(posedge clk) begin
    if (wr) begin
      mem[addr] <= din;
      if (hit) line_data[index] <= din;
    end else if (rd && !hit) begin
      line_data[index] <= mem[addr];
      line_tag[index] <= tag;
      valid[index] <= 1;
    end
  end
  always @(*) if (rd && !wr && hit) assert(line_data[index] == mem[addr]);
endmodule
