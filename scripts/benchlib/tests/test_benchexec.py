"""BenchExec support: reading result XML, writing definitions, the tool-info module."""

import bz2
import importlib.util
import os
import sys
import tempfile
import types
import unittest
import xml.etree.ElementTree as ET
from unittest import mock

import support
from benchlib import benchexec, solvers, stats, suites

# A result file as BenchExec writes it (format 3.x), trimmed to the parts the
# harness reads, for a run definition "wang" on three tasks.
RESULT_XML = """<?xml version="1.0"?>
<!DOCTYPE result PUBLIC '+//IDN sosy-lab.org//DTD BenchExec result 3.0//EN' 'https://www.sosy-lab.org/benchexec/result-3.0.dtd'>
<result benchmarkname="wang-bench" date="2024-05-02 10:00:00 CEST" starttime="2024-05-02T10:00:01.5+02:00"
        generator="BenchExec 3.21" memlimit="8388608000B" timelimit="60s" cpuCores="1" name="wang-bench.wang"
        options="--seed 1" tool="wang" toolmodule="wangbench.wang" version="0.1.0">
  <columns>
    <column title="status"/>
    <column title="cputime"/>
    <column title="walltime"/>
  </columns>
  <systeminfo hostname="bench1">
    <os name="Linux 6.1.0"/>
    <cpu cores="8" frequency="3400000000Hz" model="Intel Xeon"/>
    <ram size="33546305536B"/>
    <environment/>
  </systeminfo>
  <run expectedVerdict="true" files="[suite/fam/sat1.cnf]" name="tasks/fam__sat1.cnf.yml" properties="sat">
    <column title="category" value="correct"/>
    <column title="cputime" value="1.25s"/>
    <column title="memory" value="20971520B"/>
    <column title="returnvalue" value="10"/>
    <column title="status" value="sat"/>
    <column title="walltime" value="1.3s"/>
  </run>
  <run expectedVerdict="false" files="[suite/fam/unsat1.cnf]" name="tasks/fam__unsat1.cnf.yml" properties="sat">
    <column title="category" value="wrong"/>
    <column title="cputime" value="0.5s"/>
    <column title="memory" value="10485760B"/>
    <column title="returnvalue" value="10"/>
    <column title="status" value="sat"/>
    <column title="walltime" value="0.52s"/>
  </run>
  <run expectedVerdict="false" files="[suite/other/hard.cnf.xz]" name="tasks/other__hard.cnf.xz.yml" properties="sat">
    <column title="category" value="error"/>
    <column title="cputime" value="60.1s"/>
    <column title="memory" value="1048576000B"/>
    <column title="status" value="TIMEOUT"/>
    <column title="walltime" value="60.2s"/>
    <column hidden="true" title="exitsignal" value="9"/>
    <column hidden="true" title="terminationreason" value="cputime"/>
  </run>
  <run files="[suite/other/crash.cnf]" name="tasks/other__crash.cnf.yml" properties="sat">
    <column title="category" value="error"/>
    <column title="cputime" value="0.1s"/>
    <column title="status" value="ERROR (signal 11)"/>
    <column title="walltime" value="0.1s"/>
    <column hidden="true" title="exitsignal" value="11"/>
  </run>
  <run files="[suite/other/mem.cnf]" name="tasks/other__mem.cnf.yml" properties="sat">
    <column title="status" value="OUT OF MEMORY"/>
    <column title="walltime" value="3.5s"/>
    <column hidden="true" title="terminationreason" value="memory"/>
  </run>
</result>
"""


class ReadResults(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.addCleanup(self.dir.cleanup)

    def write(self, name, compress=False):
        path = os.path.join(self.dir.name, name)
        data = RESULT_XML.encode()
        with open(path, "wb") as f:
            f.write(bz2.compress(data) if compress else data)
        return path

    def check_records(self, records, solver):
        self.assertEqual(len(records), 5)
        sat, wrong, timeout, crash, mem = records
        self.assertEqual(sat["solver"], solver)
        self.assertEqual(sat["instance"], os.path.join(self.dir.name, "suite", "fam", "sat1.cnf"))
        self.assertEqual((sat["family"], sat["expected"], sat["answer"], sat["status"]), ("fam", "sat", "sat", "solved"))
        self.assertEqual((sat["wall"], sat["cpu"], sat["memory_mib"], sat["exit_code"]), (1.3, 1.25, 20.0, 10))
        self.assertEqual((sat["timeout"], sat["memory_limit_mib"]), (60.0, 8000))
        self.assertEqual((wrong["status"], wrong["expected"]), ("wrong", "unsat"))
        self.assertEqual((timeout["status"], timeout["signal"]), ("timeout", 9))
        self.assertEqual((crash["status"], crash["reason"]), ("error", "ERROR (signal 11)"))
        self.assertEqual(mem["status"], "memout")

    def test_plain_result_xml(self):
        self.check_records(benchexec.read_results(self.write("result.xml")), "wang-bench.wang")

    def test_bz2_with_benchexec_file_name(self):
        path = self.write("wang-bench.2024-05-02_10-00-00.results.wang.sat-easy.xml.bz2", compress=True)
        self.check_records(benchexec.read_results(path), "wang")

    def test_explicit_name_and_summary(self):
        records = benchexec.read_results(self.write("result.xml"), "mine")
        summary = stats.summarize(records)
        self.assertEqual(summary.solvers, ["mine"])
        s = summary.stats["mine"]
        self.assertEqual((s.solved, s.wrong, s.timeout, s.error, s.memout), (1, 1, 1, 1, 1))
        self.assertAlmostEqual(s.par2, 1.3 + 4 * 120)


class WriteDefinition(unittest.TestCase):
    def test_definition_tasks_and_module(self):
        with tempfile.TemporaryDirectory() as tmp:
            instances = suites.load_suite(support.write_tiny_suite(os.path.join(tmp, "suite")))
            chosen = solvers.resolve_solvers(["wang", "w2=wang --seed 2 {}", "minisat", "cadical"], wang="/r/build/wang")
            out = os.path.join(tmp, "bx")
            path = benchexec.write_benchexec(out, "demo", chosen, instances, 60, 8000, 2, "/r/build/wang")
            root = ET.parse(path).getroot()
            self.assertEqual(root.get("tool"), "wangbench.wang")
            self.assertEqual((root.get("timelimit"), root.get("memlimit"), root.get("cpuCores")),
                             ("60 s", "8389 MB", "2"))
            rundefs = {r.get("name"): r for r in root.iter("rundefinition")}
            self.assertEqual(list(rundefs), ["wang", "w2", "minisat", "cadical"])
            self.assertEqual([o.get("name") for o in rundefs["wang"].iter("option")], [])
            self.assertEqual([(o.get("name"), o.text) for o in rundefs["w2"].iter("option")], [("--seed", "2")])
            (minisat,) = rundefs["minisat"].iter("option")
            self.assertEqual(minisat.get("name"), "--bench-command")
            self.assertIn("xz -dc", minisat.text)          # minisat cannot read .xz
            self.assertIn("/dev/stdin", minisat.text)
            (cadical,) = rundefs["cadical"].iter("option")
            self.assertEqual(cadical.text, "cadical -q {}")
            self.assertEqual(root.find("tasks/include").text, "tasks/*.yml")
            tasks = sorted(os.listdir(os.path.join(out, "tasks")))
            self.assertEqual(len(tasks), 4)
            with open(os.path.join(out, "tasks", "tiny__unsat1.cnf.yml")) as f:
                text = f.read()
            self.assertIn("expected_verdict: false", text)
            self.assertIn(instances[2].path, text)
            self.assertTrue(os.path.exists(os.path.join(out, "wangbench", "wang.py")))
            with open(os.path.join(out, "sat.prp")) as f:
                self.assertEqual(f.read().strip(), "SATISFIABLE")


def load_toolinfo():
    """Import wang_toolinfo.py against a minimal stand-in for BenchExec."""
    result = types.ModuleType("benchexec.result")
    result.RESULT_TRUE_PROP, result.RESULT_FALSE_PROP = "true", "false"
    result.RESULT_SAT, result.RESULT_UNSAT = "sat", "unsat"
    result.RESULT_UNKNOWN, result.RESULT_DONE, result.RESULT_ERROR = "unknown", "done", "ERROR"
    template = types.ModuleType("benchexec.tools.template")

    class BaseTool2:
        @staticmethod
        def _version_from_tool(executable, arg="--version"):
            return "wang 0.1.0"

    template.BaseTool2 = BaseTool2
    template.UnsupportedFeatureException = type("UnsupportedFeatureException", (Exception,), {})
    package = types.ModuleType("benchexec")
    tools = types.ModuleType("benchexec.tools")
    package.result, package.tools, tools.template = result, tools, template
    fake = {"benchexec": package, "benchexec.result": result, "benchexec.tools": tools,
            "benchexec.tools.template": template}
    with mock.patch.dict(sys.modules, fake):
        spec = importlib.util.spec_from_file_location("wang_toolinfo", benchexec._TOOLINFO_SOURCE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


class ToolInfo(unittest.TestCase):
    def setUp(self):
        self.tool = load_toolinfo().Tool()

    def run_with(self, output, timeout=False, value=0, signal=None):
        exit_code = types.SimpleNamespace(value=value, signal=signal)
        return types.SimpleNamespace(output=output.splitlines(), was_timeout=timeout, exit_code=exit_code)

    def test_basics(self):
        locator = mock.Mock()
        locator.find_executable.return_value = "build/wang"
        self.assertEqual(self.tool.executable(locator), "build/wang")
        locator.find_executable.assert_called_with("wang", subdir="build")
        self.assertEqual(self.tool.name(), "wang")
        self.assertEqual(self.tool.version("build/wang"), "0.1.0")

    def test_cmdline(self):
        task = types.SimpleNamespace(input_files_or_identifier=["f.cnf"])
        self.assertEqual(self.tool.cmdline("wang", ["--seed", "1"], task, None), ["wang", "--seed", "1", "f.cnf"])
        self.assertEqual(self.tool.cmdline("wang", ["--bench-command", "minisat -verb=0 {}"], task, None),
                         ["minisat", "-verb=0", "f.cnf"])
        self.assertEqual(self.tool.cmdline("wang", ["--bench-command", "cadical -q"], task, None),
                         ["cadical", "-q", "f.cnf"])

    def test_determine_result(self):
        self.assertEqual(self.tool.determine_result(self.run_with("c x\ns SATISFIABLE\nv 1 0", value=10)), "sat")
        self.assertEqual(self.tool.determine_result(self.run_with("s UNSATISFIABLE", value=20)), "unsat")
        self.assertEqual(self.tool.determine_result(self.run_with("UNSATISFIABLE")), "unsat")
        self.assertEqual(self.tool.determine_result(self.run_with("unsat\n")), "unsat")
        self.assertEqual(self.tool.determine_result(self.run_with("s UNKNOWN")), "unknown")
        self.assertEqual(self.tool.determine_result(self.run_with("unsat\nsat\n")), "done")
        self.assertEqual(self.tool.determine_result(self.run_with("", timeout=True, signal=9)), "TIMEOUT")
        self.assertEqual(self.tool.determine_result(self.run_with("", signal=11)), "ERROR (signal 11)")
        self.assertEqual(self.tool.determine_result(self.run_with("wang: f:1:1: bad", value=1)),
                         "ERROR (exit code 1)")


if __name__ == "__main__":
    unittest.main()
