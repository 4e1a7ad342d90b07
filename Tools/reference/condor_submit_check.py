#!/usr/bin/env python3
"""Parse the files of `bench submit condor --dry-run` with HTCondor's own Python bindings.

No HTCondor pool can be installed on the project's machines, but the `htcondor` wheel on
PyPI carries HTCondor's submit-language and DAG parsers. This script

1. runs `bench submit condor --dry-run` for the paper suite at smoke scale, 2 seeds, 5 shards,
   with every condor option set, into a fresh folder;
2. parses train.sub and collect.sub with `htcondor2.Submit` (the parser condor_submit uses)
   and records each command, the queue statement and the items its queue expands to;
3. passes pnnbench.dag to `htcondor2.Submit.from_dag`, which runs condor_submit_dag's
   checks (it only needs *a* condor_dagman on PATH, so a stub is put there). Those checks are
   shallow: every line must start with a DAG command, but node names and submit files are
   only resolved by condor_dagman on a pool; the script makes sure a misspelt command is
   rejected, and CondorFixtureTests checks the nodes and files itself (likewise, the script
   makes sure the submit parser rejects an unterminated `queue … from (` list);
4. writes Tests/PNNBenchTests/Fixtures/condor/condor_submit_check.json with the files' text
   (the run's folders replaced by {ROOT} and {WORK}) and what the parsers said.

The Swift test CondorFixtureTests renders the same files and requires the text to be equal
(so a change to the files needs this script run again) and checks the parsed values.

    python3 -m venv /tmp/venv-condor && /tmp/venv-condor/bin/pip install htcondor==25.14.1
    swift build -c release
    /tmp/venv-condor/bin/python Tools/reference/condor_submit_check.py
"""
import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

import htcondor2

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE = os.path.join(ROOT, "Tests", "PNNBenchTests", "Fixtures", "condor", "condor_submit_check.json")

# The submission the fixture describes; CondorFixtureTests runs the same arguments.
ARGUMENTS = ["submit", "condor", "--dry-run", "--scale", "smoke", "--seeds", "2", "--shards", "5",
             "--cpus-per-task", "2", "--mem", "3GB", "--max-running", "2",
             "--extra", '+JobFlavour = "longlunch"', "--bench", "/opt/pnnbench/bin/bench"]
FILES = ["train.sub", "collect.sub", "pnnbench.dag", "train.sh", "collect.sh"]


def parse_submit(text):
    """Every command as the parser stores it, the queue arguments and their items."""
    submit = htcondor2.Submit(text)
    return {"commands": {key: submit[key] for key in submit.keys()},
            "queue": submit.getQArgs(),
            "items": [dict(item) for item in (submit.itemdata() or [])]}


def parse_dag(path, stub_dir):
    """None when condor_submit_dag's parser accepts the DAG, else its message."""
    old_path = os.environ.get("PATH", "")
    os.environ["PATH"] = stub_dir + os.pathsep + old_path
    try:
        htcondor2.Submit.from_dag(path, {})
        return None
    except htcondor2.HTCondorException as error:
        return str(error)
    finally:
        os.environ["PATH"] = old_path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build", "release", "bench"))
    parser.add_argument("--out", default=FIXTURE)
    args = parser.parse_args()

    scratch = tempfile.mkdtemp(prefix="pnnbench-condor-")
    try:
        work = os.path.join(scratch, "work")
        subprocess.run([args.bench] + ARGUMENTS + ["--root", ROOT, "--work-dir", work], check=True, cwd=scratch)
        folder = os.path.join(work, "submit", "condor-001")
        texts = {name: open(os.path.join(folder, name)).read() for name in FILES}

        stub_dir = os.path.join(scratch, "stub")
        os.mkdir(stub_dir)
        stub = os.path.join(stub_dir, "condor_dagman")
        with open(stub, "w") as f:
            f.write("#!/bin/sh\nexit 0\n")
        os.chmod(stub, stat.S_IRWXU)

        dag = os.path.join(folder, "pnnbench.dag")
        dag_error = parse_dag(dag, stub_dir)
        if dag_error is not None:
            sys.exit(f"the DAG parser rejected {dag}: {dag_error}")
        broken = {}
        for name, change in [("misspelt command", lambda t: t.replace("PARENT", "PARENTS"))]:
            path = os.path.join(scratch, "broken.dag")
            with open(path, "w") as f:
                f.write(change(texts["pnnbench.dag"]))
            message = parse_dag(path, stub_dir)
            if message is None:
                sys.exit(f"the DAG parser accepted a DAG with a {name}: the check would mean nothing")
            broken[name] = message.replace(scratch, "{SCRATCH}")

        # The submit parser is as strict as condor_submit: an unterminated item list fails.
        try:
            parse_submit(texts["train.sub"].rstrip().rstrip(")"))
            sys.exit("the submit parser accepted a queue list without its ')': the check would mean nothing")
        except (htcondor2.HTCondorException, ValueError) as error:
            broken_submit = str(error)

        def normalise(value):
            if isinstance(value, str):
                return value.replace(work, "{WORK}").replace(ROOT, "{ROOT}")
            if isinstance(value, list):
                return [normalise(v) for v in value]
            if isinstance(value, dict):
                return {k: normalise(v) for k, v in value.items()}
            return value

        fixture = {
            "generator": "Tools/reference/condor_submit_check.py",
            "htcondor": htcondor2.version(),
            "arguments": ARGUMENTS + ["--root", "{ROOT}", "--work-dir", "{WORK}"],
            "files": normalise(texts),
            "train": normalise(parse_submit(texts["train.sub"])),
            "collect": normalise(parse_submit(texts["collect.sub"])),
            "dagAccepted": True,
            "brokenDagsRejected": broken,
            "brokenSubmitRejected": broken_submit,
        }
        tmp = args.out + ".tmp"
        with open(tmp, "w") as f:
            json.dump(fixture, f, indent=1, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        os.replace(tmp, args.out)
        print(f"wrote {args.out}: train queue '{fixture['train']['queue']}' -> {len(fixture['train']['items'])} items")
    finally:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
