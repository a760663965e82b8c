"""How `microsite new`'s time grows with the article's length.

Times generation (read, split, find quotes, write the project) on articles
made here, all in the same run:

* a single paragraph full of quotes, 30 KB (the baseline) and 300 KB;
* an article of many sections of prose with a quote now and then, 300 KB and 3 MB.

It prints each time (the best of three runs) and its ratio to the baseline of the same shape. Ten
times the text should take about ten times as long (linear), not a hundred
(quadratic); the target is under 5 s for the 300 KB paragraph and the 3 MB
article. This prints figures; it is not a test.

    .venv/bin/python scripts/bench_generate.py
"""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from microsite.importer import new_guide  # noqa: E402

KB = 1024
TARGET_SECONDS = 5.0
RUNS = 3
NAMES = ["Jane Smith", "Ana Muller", "Tom Reyes", "Lena Okafor", "Sam Lee", "Ruth Park"]
ROLES = ["a clinical psychologist", "a family therapist", "a school counselor", "a sleep researcher"]


def quote_sentences():
    """Sentences in every quote form the generator knows, plus plain text between them."""
    for number in itertools.count(1):
        name = NAMES[number % len(NAMES)]
        role = ROLES[number % len(ROLES)]
        surname = name.split()[-1]
        yield f'According to {name}, {role}, "Small step number {number} makes a real difference."'
        yield f"Most people find that rest and routine help them feel calmer over time (note {number})."
        yield f'"Worry shrinks when you write it down, day {number}," says Dr. {name}, {role}.'
        yield f'"Breaks matter more than holidays, week {number}," {surname} explains.'
        yield f'Then Sarah said, "I felt less alone on day {number}."'
        yield f'According to the NHS, "Adults need sleep, night {number}."'


def single_paragraph(size: int) -> str:
    sentences = []
    length = 0
    for sentence in quote_sentences():
        sentences.append(sentence)
        length += len(sentence) + 1
        if length >= size:
            break
    return "Worry at Work\n" + " ".join(sentences) + "\n"


def many_sections(size: int) -> str:
    """A long article as people write them: numbered sections of prose with a quote now and then."""
    parts = ["A Long Guide to Calm Days", ""]
    length = 0
    quotes = quote_sentences()
    for number in itertools.count(1):
        sentences = [f"Habits take time to settle, and point {number}.{line} is no different for most people."
                     for line in range(1, 40)]
        sentences[20] = next(quotes)
        body = " ".join(sentences)
        parts += [f"{number}. Habit number {number}", body, ""]
        length += len(body) + 30
        if length >= size:
            break
    return "\n".join(parts)


def time_generation(text: str, folder: Path, name: str) -> tuple[float, int, int]:
    """The best of three runs (the machine is shared), and what the guide holds."""
    article = folder / f"{name}.txt"
    article.write_text(text, encoding="utf-8")
    best = float("inf")
    for run in range(RUNS):
        start = time.perf_counter()
        result = new_guide(article, folder / f"{name}-{run}", language="en")
        best = min(best, time.perf_counter() - start)
    return best, len(result.guide.chapters), len(result.guide.quotes)


def main() -> None:
    cases = [
        ("paragraph-30k", single_paragraph(30 * KB), None),
        ("paragraph-300k", single_paragraph(300 * KB), "paragraph-30k"),
        ("sections-300k", many_sections(300 * KB), None),
        ("sections-3m", many_sections(3 * KB * KB), "sections-300k"),
    ]
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, text, baseline in cases:
            seconds, chapters, quotes = time_generation(text, Path(folder), name)
            times[name] = seconds
            line = (f"{name:16} {len(text) / KB:8.0f} KB {seconds:7.2f} s  {chapters:5} {'chapter ' if chapters == 1 else 'chapters'}"
                    f" {quotes:6} {'quote ' if quotes == 1 else 'quotes'}")
            if baseline:
                size_ratio = len(text) / len(dict((n, t) for n, t, _ in cases)[baseline])
                line += f"  time x{seconds / times[baseline]:.1f} for size x{size_ratio:.1f} (vs {baseline})"
                line += "  OK" if seconds < TARGET_SECONDS else f"  OVER the {TARGET_SECONDS:.0f} s target"
            print(line)


if __name__ == "__main__":
    main()
