// expect: PASSED
// depth: 16
// A FIFO of 8 bytes over a memory: the byte pushed first is the byte popped
// first, and the count never passes the capacity.
module fifo(input clk, input push, input pop, input [7:0] din);
  reg [7:0] mem [0:7];
  reg [2:0] head, tail;
  reg [3:0] count;
  initial begin
    head = 0; tail = 0; count = 0;
  end
  wire can_push = push && count != 8;
  wire can_pop = pop && count != 0;
  wire [7:0] dout = mem[head];
  always @(posedge clk) begin
    if (can_push) begin
      mem[tail] <= din;
      tail <= tail + 1;
    end
    if (can_pop) head <= head + 1;
    count <= count + can_push - can_pop;
  end
  // The first byte ever pushed, and whether it has left.
  reg [7:0] first;
  reg pushed, popped;
  initial begin
    pushed = 0; popped = 0;
  end
  always @(posedge clk) begin
    if (can_push && !pushed) begin
      first <= din;
      pushed <= 1;
    end
    if (can_pop && !popped) popped <= 1;
  end
  always @(*) begin
    assert(count <= 8);
    if (can_pop && !popped) assert(pushed && dout == first);
  end
endmodule
