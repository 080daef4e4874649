#!/usr/bin/env python3
"""Reruns every ```console block in README.md that starts with `$ implan ...` and puts the real output under it.
Run from the repository root after changing a view; the test `readme_examples_are_real_output` fails until you do."""
import os, re, shlex, subprocess

implan = os.environ.get("IMPLAN", "target/debug/implan")
text = open("README.md", encoding="utf-8").read()

def run(match):
    command = match.group(1)
    args = shlex.split(command)
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CLICOLOR_FORCE", "CLICOLOR", "COLUMNS")}
    env["LANG"] = "C.UTF-8"
    out = subprocess.run([implan] + args, capture_output=True, text=True, env=env).stdout
    return f"```console\n$ implan {command}\n{out}```"

text = re.sub(r"```console\n\$ implan (.*)\n(?:.*\n)*?```", run, text)
open("README.md", "w", encoding="utf-8").write(text)
