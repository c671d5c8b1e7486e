"""`flash-reader import` of a generated archive (pages in the table layout). Prints numbers.

    .venv/bin/python -m bench.bench_import [--issues 400 --items 7]

Reports: wall time of the import (and of a rerun, which reuses the state), peak RSS of the
process, pages written. The pages are made up here (sample words), never CLAIR's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

from flash_reader.cli import main as cli

CODES = ("PAR", "LON", "NYC", "SIN", "SEL", "BEJ", "SYD")
NAMES = ("パリ", "ロンドン", "ニューヨーク", "シンガポール", "ソウル", "北京", "シドニー")


def page(date: dt.date, items: int) -> str:
    rows = []
    for n in range(items):
        code, name = CODES[n % 7], NAMES[n % 7]
        rows.append(
            f"<tr><td><img src='img/{n:02d}{code}{date:%m%d}.jpg' alt=''></td><td>"
            f"<strong>◇サンプル記事{n + 1}の見出し</strong>"
            + f"{date.month}月{date.day}日、サンプルの催しが開かれ、多くの人が集まった。<br>" * 6
            + f"(クレア{name}事務所)<br>写真:サンプル写真{n + 1}の説明</td></tr>")
    body = "\n".join(rows)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><link rel='canonical' "
            f"href='https://flash.example.lg.jp/flash/{date:%Y%m%d}.html'>"
            "<script>var a = 1;</script></head><body><div id='menu'>"
            + "<a href='/x'>メニュー</a>" * 200
            + f"</div><p>{date.year}年{date.month}月{date.day}日配信</p>"
            f"<p>【クレア海外事務所フラッシュ】◎サンプル記事1の見出し</p><table>{body}</table>"
            "<p>バックナンバーはこちら</p></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=400)
    parser.add_argument("--items", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "pages", Path(tmp) / "out"
        source.mkdir()
        start = dt.date(2005, 1, 5)
        for n in range(args.issues):
            date = start + dt.timedelta(days=14 * n)
            (source / f"{date:%Y%m%d}.html").write_text(page(date, args.items), encoding="utf-8")
        size = sum(p.stat().st_size for p in source.iterdir())
        t0 = time.perf_counter()
        code = cli(["import", str(source), "--out", str(out)])
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        cli(["import", str(source), "--out", str(out)])
        rerun = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        pages = len(list(out.glob("feed*.json")))
    print(f"import of {args.issues} issues ({size / 1e6:.1f} MB of pages): {first:.2f} s "
          f"(exit {code}); rerun from state: {rerun:.2f} s; {pages} pages; "
          f"peak RSS {peak:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
