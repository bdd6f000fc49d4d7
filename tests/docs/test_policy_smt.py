"""Tests of scripts/policy-smt: its SMT-LIB encoding of firewall rules
against a direct evaluation of the rules, its errors, and its packet
reader.  Needs the wang binary (WANG_BINARY) for the encoding test.

    WANG_BINARY=build/wang python3 -m unittest discover -s tests/docs -p 'test_*.py'
"""
import importlib.util
import ipaddress
import json
import os
import random
import subprocess
import sys
import tempfile
import unittest
from importlib.machinery import SourceFileLoader

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(TOP, "scripts", "policy-smt")
loader = SourceFileLoader("policy_smt", SCRIPT)
policy = importlib.util.module_from_spec(importlib.util.spec_from_loader("policy_smt", loader))
loader.exec_module(policy)

PROTOCOL_NUMBERS = {"tcp": 6, "udp": 17, "icmp": 1}


def random_rule(rng):
    rule = {"action": rng.choice(["allow", "deny"])}
    protocol = rng.choice(["tcp", "udp", "icmp", "any"])
    if protocol != "any" or rng.random() < 0.5:
        rule["protocol"] = protocol
    for field in ("source", "destination"):
        if rng.random() < 0.7:
            length = rng.choice([0, 8, 16, 20, 24, 29, 32])
            network = ipaddress.IPv4Network((rng.choice([0x0A000000, 0xC0A80000]) + rng.getrandbits(16), length),
                                            strict=False)
            rule[field] = str(network)
    if protocol in ("tcp", "udp") and rng.random() < 0.8:
        low = rng.choice([0, 20, 22, 80, 443, 1024])
        rule["ports"] = rng.choice([str(low), f"{low}-{low + rng.randint(0, 100)}", f"{low},{low + 2}"])
    return rule


def matches(rule, packet):
    """The rule's meaning, evaluated directly."""
    src, dst, port, proto = packet
    protocol = rule.get("protocol", "any")
    if protocol != "any" and PROTOCOL_NUMBERS[protocol] != proto:
        return False
    if ipaddress.IPv4Address(src) not in ipaddress.IPv4Network(rule.get("source", "0.0.0.0/0")):
        return False
    if ipaddress.IPv4Address(dst) not in ipaddress.IPv4Network(rule.get("destination", "0.0.0.0/0")):
        return False
    return not policy.port_ranges(rule.get("ports", "any")) or any(
        low <= port <= high for low, high in policy.port_ranges(rule["ports"]))


def allowed(rules, packet):
    return next((rule["action"] == "allow" for rule in rules if matches(rule, packet)), False)


def near(rng, rules):
    """A packet at the edges of one rule: at the ends of its prefixes or just
    outside them, at the ends of its port ranges or next to them, mostly of
    its protocol."""
    rule = rng.choice(rules)

    def address(field):
        network = ipaddress.IPv4Network(rule.get(field, "0.0.0.0/0"))
        offset = rng.choice([0, network.num_addresses - 1, network.num_addresses, -1])
        return (int(network.network_address) + offset) % (1 << 32)

    edges = [edge for low, high in policy.port_ranges(rule.get("ports", "any")) for edge in (low, high)]
    port = (rng.choice(edges) + rng.choice([-1, 0, 0, 1])) % (1 << 16) if edges else rng.choice([22, 80])
    protocol = rule.get("protocol", "any")
    proto = PROTOCOL_NUMBERS[protocol] if protocol != "any" and rng.random() < 0.8 else rng.choice([1, 6, 17, 47])
    return address("source"), address("destination"), port, proto


class Encoding(unittest.TestCase):
    def test_the_smt_function_allows_what_the_rules_allow(self):
        wang = os.environ.get("WANG_BINARY")
        if not wang:
            self.skipTest("WANG_BINARY is not set")
        rng = random.Random(4)
        with tempfile.TemporaryDirectory() as directory:
            for round_number in range(20):
                rules = [random_rule(rng) for _ in range(rng.randint(1, 6))]
                path = os.path.join(directory, f"rules-{round_number}.json")
                with open(path, "w") as file:
                    json.dump(rules, file)
                packets = [near(rng, rules) for _ in range(30)]
                script = policy.preamble("test") + policy.define_policy("allowed", path)
                for src, dst, port, proto in packets:
                    script += (f"(push 1)(assert (and (= src (_ bv{src} 32)) (= dst (_ bv{dst} 32)) "
                               f"(= port (_ bv{port} 16)) (= proto (_ bv{proto} 8)) (allowed src dst port proto)))"
                               "(check-sat)(pop 1)\n")
                answers = subprocess.run([wang, "--lang", "smt2"], input=script, capture_output=True, text=True,
                                         check=True).stdout.split()
                expected = ["sat" if allowed(rules, packet) else "unsat" for packet in packets]
                self.assertEqual(answers, expected, json.dumps(rules))


class Errors(unittest.TestCase):
    def run_script(self, *arguments):
        return subprocess.run([sys.executable, SCRIPT] + list(arguments), capture_output=True, text=True)

    def test_a_bad_rule_names_the_file_and_the_rule(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as rules:
            json.dump([{"action": "allow"}, {"action": "allow", "source": "10.0.0/8"}], rules)
            rules.flush()
            done = self.run_script("reach", rules.name, "--to", "10.0.0.1", "--port", "22")
        self.assertEqual(done.returncode, 1)
        self.assertIn(f"policy-smt: {rules.name}: rule 2: bad prefix '10.0.0/8'", done.stderr)

    def test_ports_need_tcp_or_udp(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as rules:
            json.dump([{"action": "deny", "ports": "22"}], rules)
            rules.flush()
            done = self.run_script("compare", rules.name, rules.name)
        self.assertEqual(done.returncode, 1)
        self.assertIn("rule 1: \"ports\" needs \"protocol\" tcp or udp", done.stderr)

    def test_a_bad_command_line_exits_with_2(self):
        self.assertEqual(self.run_script("reach", "x.json", "--to", "10.0.0.1", "--port", "70000").returncode, 2)
        self.assertEqual(self.run_script("reach", "x.json", "--to", "10.0.0", "--port", "22").returncode, 2)


class Packets(unittest.TestCase):
    def test_values_in_any_notation(self):
        line = "((src #xc6336407) (dst #b00001010000000000000000100000101) (port (_ bv22 16)) (proto #x06))"
        self.assertEqual(policy.packet(line), "tcp 198.51.100.7 -> 10.0.1.5 port 22")
        self.assertIsNone(policy.packet("((x #x01))"))


if __name__ == "__main__":
    unittest.main()
