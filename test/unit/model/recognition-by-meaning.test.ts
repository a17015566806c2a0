/**
 * Recognition by meaning (issue 14): a part is present when something in the document serves it.
 * Small hand-written documents, one per class of mistake the issue lists, and as many that must
 * NOT be taken as a part (trust over recall: no false "present" hiding a missing part).
 */
import { strict as assert } from 'node:assert';
import { buildSopDocument } from '../../../src/core/model/build.js';
import { detectLanguage } from '../../../src/core/model/language.js';
import { lint } from '../../../src/core/lint/lint.js';
import { canonicalHeadingFixes } from '../../../src/core/lint/canonical-heading.js';
import { applyEdits } from '../../../src/core/lint/fix.js';
import type { PartRecognition } from '../../../src/core/types.js';

const TODAY = '2026-11-23';

function served(text: string, options: Parameters<typeof buildSopDocument>[1] = {}): Map<string, PartRecognition> {
  return new Map(buildSopDocument(text, options).parts.map((p) => [p.part, p]));
}

function missing(text: string): string[] {
  return lint(text, { today: TODAY }).messages.filter((m) => m.ruleId === 'required-section').map((m) => m.message);
}

describe('recognition by meaning: process', () => {
  it('a document that is nothing but a task list has a process', () => {
    const parts = served('# Office closing\n\n- [ ] Lock the doors\n- [ ] Switch off the lights\n- [ ] Set the alarm\n');
    assert.equal(parts.get('process')?.how, 'content');
  });

  it('steps under an activity-named heading are the process', () => {
    const parts = served('# Refunds\n\n## Handle a refund request in Zendesk\n\n1. Open the ticket.\n2. Check the order.\n3. Refund it.\n');
    assert.ok(parts.has('process'));
  });

  it('bold-led numbered items with no heading above them are the process', () => {
    const parts = served('# Vulnerability runbook\n\n1. **Intake** — record the report.\n2. **Assessment** — reproduce it.\n3. **Fix** — patch it.\n');
    assert.equal(parts.get('process')?.how, 'content');
  });

  it('If / Otherwise bullets are the process', () => {
    const parts = served('# Backports\n\nSome text.\n\n- If the fix is small, nominate it.\n- Otherwise, wait for the next release.\n');
    assert.ok(parts.has('process'));
  });

  it('Meaning / Impact / Diagnosis / Mitigation runbooks: Diagnosis and Mitigation are the process, Meaning the purpose', () => {
    const parts = served('# DiskFull\n\n## Meaning\n\nThe disk is full.\n\n## Impact\n\nWrites fail.\n\n## Diagnosis\n\nCheck `df -h`.\n\n## Mitigation\n\nDelete old logs.\n');
    assert.equal(parts.get('process')?.text, 'Diagnosis');
    assert.equal(parts.get('purpose')?.text, 'Meaning');
  });

  it('Investigate / Remediate / Recover sections are the process', () => {
    const parts = served('## Playbook: Phishing\n\n### Investigate\n\nLook at headers.\n\n### Remediate\n\nBlock the sender.\n\n### Recover\n\nRestore mail.\n');
    assert.ok(parts.has('process'));
  });

  it('step headings below a heading of another name are the process', () => {
    const parts = served('# Reset\n\n## What we do\n\n### Step 1: Back up\n\nx\n\n### Step 2: Reset\n\ny\n');
    assert.ok(parts.has('process'));
  });

  it('several paragraphs of instructions are the process', () => {
    const parts = served('# Support\n\nDocument the routes into support.\n\nShare the hours with the team.\n\nContact the desk in Slack.\n');
    assert.ok(parts.has('process'));
  });

  it('a policy with no steps has no process (no false present)', () => {
    const parts = served('# Emergencies\n\n## What is an emergency?\n\nAn emergency is a change that must ship now.\n\n## What is not an emergency?\n\nA deadline that was known for weeks.\n');
    assert.equal(parts.has('process'), false);
  });

  it('a numbered reference list is not a process', () => {
    const parts = served('# Guide\n\nSome text.\n\n## References\n\n1. [ISO 9001](https://iso.org)\n2. [ISO 13485](https://iso.org)\n');
    assert.equal(parts.has('process'), false);
  });
});

describe('recognition by meaning: headings with the part\'s word among other words', () => {
  const cases: [string, string][] = [
    ['## Customer Complaint Handling Procedure', 'process'],
    ['## Collection Strategy and Process', 'process'],
    ['## 3.0 REFERENCES, TERMS AND ACRONYMS', 'references'],
    ['## Applicable Standards', 'references'],
    ['## Additional Reading', 'references'],
    ['## **2. SCOPE:**', 'scope'],
    ['## Purpose and Scope', 'purpose'],
  ];
  for (const [heading, part] of cases) {
    it(`"${heading}" serves ${part}`, () => {
      assert.ok(served(`# Doc\n\n${heading}\n\nBody text.\n`).has(part));
    });
  }

  it('"3.0 REFERENCES, TERMS AND ACRONYMS" serves references and definitions', () => {
    const parts = served('# Doc\n\n## 3.0 REFERENCES, TERMS AND ACRONYMS\n\nBody.\n');
    assert.ok(parts.has('references') && parts.has('definitions'));
  });

  it('the title heading is not read for part words ("# Incident Process" is a title, not the process)', () => {
    const parts = served('# Incident Process\n\nSome prose.\n');
    assert.equal(parts.get('title')?.text, 'Incident Process');
    assert.equal(parts.has('process'), false);
  });

  it('"Human resources" is not references, "Patient history" is not a revision history', () => {
    const parts = served('# Onboarding\n\n## Human resources\n\nx\n\n## Patient history\n\ny\n');
    assert.equal(parts.has('references'), false);
    assert.equal(parts.has('revisionHistory'), false);
  });

  it('a part\'s word in a longer heading is not a duplicate of the part\'s own section', () => {
    const messages = lint('# Doc\n\n## Process\n\n1. a\n2. b\n\n## Handling escalations procedure\n\nx\n', { today: TODAY }).messages;
    assert.equal(messages.filter((m) => m.ruleId === 'duplicate-section').length, 0);
  });
});

describe('recognition by meaning: purpose and scope without their headings', () => {
  it('an opening "This SOP describes how…" is the purpose', () => {
    const p = served('# Refunds\n\nThis SOP describes how agents handle refund requests.\n\n## Steps\n\n1. a\n2. b\n').get('purpose');
    assert.equal(p?.how, 'content');
    assert.match(p!.text, /^This SOP describes/);
  });

  it('a Summary holding a statement of purpose is the purpose', () => {
    assert.ok(served('# CAPA\n\n## Summary\n\nThis SOP describes how CAPAs are tracked.\n').has('purpose'));
  });

  it('front matter description is the purpose', () => {
    assert.equal(served('---\ntitle: On call\ndescription: What on-call engineers do.\n---\n\nText.\n').get('purpose')?.how, 'front-matter');
  });

  it('"Use this runbook when…", "applies to", "who this is for", "out of scope" are the scope', () => {
    for (const line of ['Use this runbook when the queue backs up.', 'This procedure applies to all Tier 1 agents.', 'This page is for new members of the support team.', 'Refunds over 500 EUR are out of scope.']) {
      assert.ok(served(`# Doc\n\n${line}\n\n## Steps\n\n1. a\n2. b\n`).has('scope'), line);
    }
  });

  it('"When to …" and "Who is this for?" headings are the scope', () => {
    assert.ok(served('# Doc\n\n## When to use this runbook\n\nx\n').has('scope'));
    // "When to escalate" names the escalation, not the scope.
    assert.deepEqual(buildSopDocument('# Doc\n\n## When to escalate to finance\n\nx\n').sections[1].canonical, ['escalation']);
    assert.ok(served('# Doc\n\n## Who is this guide for?\n\nx\n').has('scope'));
  });

  it('background prose that does not say what the document is for is not a purpose (no false present)', () => {
    const parts = served('# Autoclave\n\nThe autoclave is in room 4. It was bought in 2019.\n\n1. Load it.\n2. Run it.\n');
    assert.equal(parts.has('purpose'), false);
    assert.equal(parts.has('scope'), false);
  });

  it('"What is an incident?" serves the purpose when nothing else does, the scope when the opening states the purpose', () => {
    assert.equal(served('# Incidents\n\n## What is an incident?\n\nAn outage.\n').get('purpose')?.text, 'What is an incident?');
    const both = served('# Incidents\n\nThis document explains what to do in an incident.\n\n## What is an incident?\n\nAn outage.\n');
    assert.equal(both.get('purpose')?.how, 'content');
    assert.equal(both.get('scope')?.text, 'What is an incident?');
  });
});

describe('recognition by meaning: title', () => {
  it('the only top heading at level 2 is the title', () => {
    assert.equal(served('## Playbook: Phishing\n\n### Investigate\n\nx\n').get('title')?.text, 'Playbook: Phishing');
  });

  it('a document that opens with an H2 followed by other H2s takes the first as its title', () => {
    assert.equal(served('## How to engage with support\n\nText.\n\n## Sales\n\nx\n').get('title')?.text, 'How to engage with support');
  });

  it('front matter name: is the title', () => {
    const t = served('---\nname: Departing team member\nabout: Checklist\n---\n\n- [ ] a\n- [ ] b\n').get('title');
    assert.equal(t?.text, 'Departing team member');
    assert.equal(t?.how, 'front-matter');
  });

  it('a bold "Title:" line is the title', () => {
    assert.equal(buildSopDocument('**Title:** Reset a hub\n\nSome text.\n').title?.text, 'Reset a hub');
  });

  it('a document that opens with "## Purpose" has no title: a part\'s name is not the document\'s (no false present)', () => {
    assert.equal(served('## Purpose\n\nRefund orders.\n\n## Scope\n\nChat.\n').has('title'), false);
  });

  it('a document whose first heading comes after prose and has peers has no title (no false present)', () => {
    assert.equal(served('Intro text.\n\n## Before\n\nx\n\n## After\n\ny\n').has('title'), false);
  });
});

describe('recognition by meaning: references and revision history', () => {
  it('a standalone "See …" line with a link is the references', () => {
    assert.equal(served('# Doc\n\n1. a\n2. b\n\nSee [Debugging Pods](https://kubernetes.io/docs) for more.\n').get('references')?.how, 'content');
  });

  it('"See … if you …" is an instruction in a step, and an anchor link is not a reference (no false present)', () => {
    assert.equal(served('# Doc\n\nSee [the portal](https://x.example) if you need access.\n').has('references'), false);
    assert.equal(served('# Doc\n\nSee [here](#above) for how.\n').has('references'), false);
  });

  it('a standards table and front-matter related: are the references', () => {
    assert.ok(served('# SOP\n\n| ISO 13485:2016 Section | Document Section |\n| --- | --- |\n| 8.2.2 | All |\n').has('references'));
    assert.equal(served('---\ntitle: X\nrelated:\n  - leadership\n---\n\nx\n').get('references')?.how, 'front-matter');
  });

  it('a change table, a "Change log:" line and a front-matter revision list are the revision history', () => {
    assert.ok(served('# SOP\n\n| Date | Version | Change |\n| --- | --- | --- |\n| 2025-01-02 | 1.0 | First |\n').has('revisionHistory'));
    assert.ok(served('# SOP\n\nChange log: 1.0 (2025-10-30) – Initial creation.\n').has('revisionHistory'));
    assert.equal(served('---\ntitle: X\nrevisions:\n  - 1.0 first\n---\n\nx\n').get('revisionHistory')?.how, 'front-matter');
  });

  it('a "Last reviewed" date is not a revision history (no false present)', () => {
    assert.equal(served('# SOP\n\nLast reviewed: 2025-10-30\n').has('revisionHistory'), false);
  });
});

describe('"missing" means absent: required-section', () => {
  it('fires for nothing a served part covers, and still fires for what is truly absent', () => {
    const text = '# Refunds\n\nThis SOP describes how agents refund orders. It applies to all Tier 1 agents.\n\n1. Check the order.\n2. Refund it.\n\nSee [the refund policy](https://example.com/policy).\n';
    const messages = missing(text);
    assert.deepEqual(messages.map((m) => /'([^']+)'/.exec(m)?.[1]), ['Revision History']);
  });
});

describe('languages', () => {
  it('detects German, French, Spanish, Portuguese and Dutch from the text, or takes front matter lang:', () => {
    const fm = { present: false, data: null, keys: [], errors: [] };
    const samples: [string, string][] = [
      ['de', 'Dieses Dokument beschreibt, wie die Mitarbeiter mit einer Beschwerde umgehen und was sie tun, wenn der Kunde nicht zufrieden ist. Die Schritte sind für alle Teams gleich.'],
      ['fr', 'Ce document décrit comment les agents traitent une réclamation et ce que vous devez faire si le client est toujours mécontent. Les étapes sont les mêmes pour toutes les équipes.'],
      ['es', 'Este documento describe cómo los agentes gestionan una reclamación y lo que se debe hacer cuando el cliente no está satisfecho. Los pasos son los mismos para todos los equipos.'],
      ['pt', 'Este documento descreve como os agentes tratam uma reclamação e o que você deve fazer quando o cliente não está satisfeito. Os passos são os mesmos para todas as equipas.'],
      ['nl', 'Dit document beschrijft hoe de medewerkers een klacht behandelen en wat u moet doen als de klant niet tevreden is. De stappen zijn voor alle teams het zelfde en worden ook gebruikt.'],
    ];
    for (const [lang, text] of samples) assert.equal(detectLanguage(text, fm).lang, lang, lang);
    assert.deepEqual(detectLanguage('x', { present: true, data: { lang: 'de-DE' }, keys: [], errors: [] }), { lang: 'de', source: 'front-matter' });
    assert.equal(detectLanguage('Short.', fm).source, 'default');
  });

  const docs: [string, string][] = [
    ['de', '# Reklamation\n\n## Zweck\n\nDieses Verfahren regelt, wie wir mit Reklamationen umgehen und wer dafür zuständig ist.\n\n## Geltungsbereich\n\nEs gilt für alle Mitarbeiter im Kundendienst und in der Qualitätssicherung.\n\n## Ablauf\n\n1. Die Reklamation wird erfasst.\n2. Sie wird geprüft.\n\n## Verweise\n\n- ISO 9001\n\n## Änderungshistorie\n\n| Datum | Version | Änderung |\n| --- | --- | --- |\n| 2025-01-01 | 1.0 | Erstellt |\n'],
    ['fr', '# Réclamations\n\n## Objet\n\nCette procédure décrit comment nous traitons les réclamations des clients et qui en est responsable.\n\n## Domaine d\'application\n\nElle s\'applique à tous les agents du service client et de la qualité.\n\n## Procédure\n\n1. La réclamation est enregistrée.\n2. Elle est analysée.\n\n## Références\n\n- ISO 9001\n\n## Historique des révisions\n\n| Date | Version | Modification |\n| --- | --- | --- |\n| 2025-01-01 | 1.0 | Création |\n'],
    ['es', '# Reclamaciones\n\n## Objetivo\n\nEste procedimiento describe cómo se gestionan las reclamaciones de los clientes y quién es el responsable.\n\n## Alcance\n\nSe aplica a todos los agentes del servicio al cliente y de la calidad.\n\n## Procedimiento\n\n1. Se registra la reclamación.\n2. Se analiza.\n\n## Referencias\n\n- ISO 9001\n\n## Historial de revisiones\n\n| Fecha | Versión | Cambio |\n| --- | --- | --- |\n| 2025-01-01 | 1.0 | Creación |\n'],
    ['pt', '# Reclamações\n\n## Objetivo\n\nEste procedimento descreve como as reclamações dos clientes são tratadas e quem é o responsável.\n\n## Escopo\n\nAplica-se a todos os agentes do atendimento e da qualidade da empresa.\n\n## Procedimento\n\n1. A reclamação é registada.\n2. Ela é analisada.\n\n## Referências\n\n- ISO 9001\n\n## Histórico de revisões\n\n| Data | Versão | Alteração |\n| --- | --- | --- |\n| 2025-01-01 | 1.0 | Criação |\n'],
    ['nl', '# Klachten\n\n## Doel\n\nDeze procedure beschrijft hoe de klachten van klanten worden behandeld en wie daar verantwoordelijk voor is.\n\n## Toepassingsgebied\n\nDe procedure is van toepassing op alle medewerkers van de klantenservice en van de kwaliteit.\n\n## Werkwijze\n\n1. De klacht wordt geregistreerd.\n2. Die wordt geanalyseerd.\n\n## Referenties\n\n- ISO 9001\n\n## Revisiegeschiedenis\n\n| Datum | Versie | Wijziging |\n| --- | --- | --- |\n| 2025-01-01 | 1.0 | Aangemaakt |\n'],
  ];
  for (const [lang, text] of docs) {
    it(`a ${lang} SOP with its own section words has every part, and no "missing"`, () => {
      const doc = buildSopDocument(text);
      assert.equal(doc.language.lang, lang);
      assert.deepEqual(doc.parts.map((p) => p.part).sort(), ['process', 'purpose', 'references', 'revisionHistory', 'scope', 'title']);
      assert.deepEqual(missing(text), []);
    });
  }

  it('another language\'s words do not count in an English document ("Application" is not scope)', () => {
    const parts = served('# Deploy\n\nThis guide is short and it is for the team.\n\n## Application architecture\n\nThe app has two parts and it runs on the cluster.\n');
    assert.equal(parts.get('scope')?.text.startsWith('Application'), undefined);
  });
});

describe('team aliases without a schema', () => {
  it('a heading named by a team alias serves the part', () => {
    const text = '# Refunds\n\n## Why we do this\n\nx\n';
    assert.equal(served(text).has('purpose'), true, 'a why-heading is purpose already');
    const custom = '# Refunds\n\n## Our promise\n\nx\n';
    assert.equal(served(custom).has('purpose'), false);
    assert.equal(served(custom, { sectionAliases: { purpose: ['Our promise'] } }).get('purpose')?.how, 'alias');
  });
});

describe('quick fix: give this content its canonical heading', () => {
  it('inserts "## Purpose" above an opening purpose paragraph, and the part is then served by its heading', () => {
    const text = '# Refunds\n\nThis SOP describes how agents refund orders.\n\n## Steps\n\n1. a\n2. b\n';
    const doc = buildSopDocument(text);
    const fixes = canonicalHeadingFixes(doc);
    assert.deepEqual(fixes.map((f) => f.part), ['purpose']);
    const fixed = applyEdits(text, fixes[0].fix.edits);
    assert.equal(fixed, '# Refunds\n\n## Purpose\n\nThis SOP describes how agents refund orders.\n\n## Steps\n\n1. a\n2. b\n');
    assert.equal(served(fixed).get('purpose')?.how, 'heading');
  });

  it('keeps CRLF line endings and offers nothing for parts served by headings or front matter', () => {
    const text = '---\r\ndescription: Why\r\n---\r\n# Doc\r\n\r\n## Purpose\r\n\r\nx\r\n\r\nSee [policy](https://example.com).\r\n';
    const fixes = canonicalHeadingFixes(buildSopDocument(text));
    assert.deepEqual(fixes.map((f) => f.part), ['references']);
    assert.equal(fixes[0].fix.edits[0].text, '## References\r\n\r\n');
  });
});
