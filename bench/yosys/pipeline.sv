// expect: PASSED
// depth: 12
// A two-stage pipeline over a register file of 4 bytes (execute, then write
// back, with forwarding) against a reference that executes at once: every
// written-back result is the reference's.
module pipeline(input clk, input [1:0] op, input [1:0] rd, input [1:0] rs1, input [1:0] rs2, input [7:0] imm);
  reg [7:0] regs [0:3];
  reg [7:0] ref_regs [0:3];
  reg wb_valid;
  reg [1:0] wb_rd;
  reg [7:0] wb_value, wb_expected;
  initial wb_valid = 0;
  integer i;
  initial for (i = 0; i < 4; i = i + 1) begin
    regs[i] = 0;
    ref_regs[i] = 0;
  end
  // Operands, forwarded from the instruction in write-back.
  wire [7:0] a = wb_valid && wb_rd == rs1 ? wb_value : regs[rs1];
  wire [7:0] b = wb_valid && wb_rd == rs2 ? wb_value : regs[rs2];
  wire [7:0] result = op == 0 ? a + b : op == 1 ? a - b : op == 2 ? a ^ b : imm;
  wire [7:0] ref_result = op == 0 ? ref_regs[rs1] + ref_regs[rs2] : op == 1 ? ref_regs[rs1] - ref_regs[rs2]
                        : op == 2 ? ref_regs[rs1] ^ ref_regs[rs2] : imm;
  always @(posedge clk) begin
    wb_valid <= 1;
    wb_rd <= rd;
    wb_value <= result;
    wb_expected <= ref_result;
    ref_regs[rd] <= ref_result;
    if (wb_valid) regs[wb_rd] <= wb_value;
  end
  always @(*) if (wb_valid) assert(wb_value == wb_expected);
endmodule
