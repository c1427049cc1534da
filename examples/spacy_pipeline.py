"""khabar inside spaCy: Arabic entities in ``doc.ents``, khabar's extra fields
on each span, the batch path, and a right-to-left displaCy page.

    pip install 'khabar[spacy]'
    python examples/spacy_pipeline.py [OUT.html]     (default: out/spacy_ents.html)
"""

# %% A blank Arabic pipeline with the khabar component (found by its entry point).
import pathlib
import sys

import spacy
from spacy import displacy

import khabar.spacy

nlp = spacy.blank("ar")
nlp.add_pipe("khabar")  # config={"threads": None, "alignment": "split", "overwrite_ents": False, "model": None}
print(nlp.pipe_names)

# %% One text: entities as spaCy spans, with khabar's fields as extension attributes.
doc = nlp("قال العميد الركن محمد رضا قرائي أشتياني إن الوفد وصل إلى باكو ثم عاد لطهران يوم الأحد.")
for span in doc.ents:
    print(f"{span.label_:8s} {span.text:28s} canonical={span._.canonical}  title={span._.title}  kb_id={span.kb_id_ or '-'}")

# %% Clitics: spaCy keeps `لطهران` as one token; the component splits off `ل`
# so that the entity is exactly khabar's `طهران` (see khabar.spacy, "Alignment").
print([t.text for t in doc][-6:])
strict = spacy.blank("ar")
strict.add_pipe("khabar", config={"alignment": "strict"})
print("strict mode leaves out:", [(r["text"], r["reason"]) for r in strict(doc.text)._.khabar_unaligned])

# %% Many articles: nlp.pipe goes through khabar.analyze_batch (Rust, GIL released).
folder = pathlib.Path(__file__).parent / "articles"
raws = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
docs = list(nlp.pipe(raws, batch_size=64))
for d in docs:
    k = d._.khabar  # the whole khabar.Document: title, dates, dropped lines, ...
    print(f"{len(d.ents):3d} entities, {len(k.dropped):2d} dropped lines, published {k.published}: {k.title}")

# %% displaCy: right to left, khabar's colours and spaCy's right-to-left entity template.
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "out/spacy_ents.html")
out.parent.mkdir(parents=True, exist_ok=True)
html = displacy.render(docs[0], style="ent", page=True, options=khabar.spacy.DISPLACY_OPTIONS)
out.write_text(html, encoding="utf-8")
direction = "rtl" if "direction: rtl" in html else "ltr"
print(f"displaCy page: {out} ({direction})")
