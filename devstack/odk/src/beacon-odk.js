// ODK's own XForms engine (@getodk/xforms-engine, the engine of ODK Web Forms) exposed to a page as
// window.BeaconOdk, with the few helpers a test or a collector page needs to answer a form by question
// reference (/data/people_told) instead of walking the engine's node tree each time.
import { createInstance } from '@getodk/xforms-engine';

function* nodes(node) {
  yield node;
  for (const child of node.currentState.children ?? []) {
    yield* nodes(child);
  }
}

function find(root, reference) {
  for (const node of nodes(root)) {
    if (node.currentState.reference === reference) {
      return node;
    }
  }
  throw new Error(`no question ${reference} in the form`);
}

/** Loads the XForm text and starts a new filled form in the language whose code is given (e.g. "fr"). */
export async function open(xformText, languageCode) {
  const { root } = await createInstance(xformText);
  if (languageCode) {
    const language = root.languages.find(
      (candidate) => !candidate.isSyntheticDefault && candidate.locale?.language === languageCode
        || candidate.language.endsWith(`(${languageCode})`));
    if (!language) {
      throw new Error(`the form has no language ${languageCode}: ${root.languages.map((l) => l.language)}`);
    }
    root.setLanguage(language);
  }
  return root;
}

/** Every question that takes an answer, as [reference, kind] in form order ('select' or 'input'). */
export function questions(root) {
  return [...nodes(root)]
    .filter((node) => node.nodeType === 'select' || node.nodeType === 'input')
    .map((node) => [node.currentState.reference, node.nodeType]);
}

/** Answers a question: a list of choice names for a select, text for any other question. */
export function answer(root, reference, value) {
  const node = find(root, reference);
  if (node.nodeType === 'select') {
    node.selectValues(Array.isArray(value) ? value : [value]);
  } else if (node.nodeType === 'input') {
    value = Array.isArray(value) ? value[0] : value;
    // The engine takes numbers as numbers (int as BigInt); a page or a test hands over the text that was typed.
    node.setValue(node.valueType === 'int' ? BigInt(value)
      : node.valueType === 'decimal' ? Number(value) : value);
  } else {
    throw new Error(`${reference} is a ${node.nodeType}, not a question that takes an answer`);
  }
}

function shown(value) {
  if (value == null) {
    return null;
  }
  return Array.isArray(value) ? [...value] : String(value);
}

/** What the respondent sees of a question now: label, relevance, value and the engine's message if it breaks a rule. */
export function question(root, reference) {
  const node = find(root, reference);
  const violation = node.validationState?.violation ?? null;
  return {
    label: node.currentState.label?.asString ?? null,
    relevant: node.currentState.relevant,
    value: shown(node.currentState.value),
    violation: violation && { condition: violation.condition, message: violation.message?.asString ?? null },
  };
}

/** The questions the engine flags in the whole form, as [reference, condition, message]. */
export function violations(root) {
  return root.validationState.violations.map((entry) => [
    entry.reference, entry.violation.condition, entry.violation.message?.asString ?? null]);
}

/** The submission the engine builds: its status, its XML (xml_submission_file) and its instanceID. */
export async function submission(root) {
  const payload = await root.prepareInstancePayload({ payloadType: 'monolithic' });
  const file = payload.data[0].get('xml_submission_file');
  const xml = await file.text();
  const instanceID = new DOMParser().parseFromString(xml, 'text/xml')
    .getElementsByTagName('instanceID')[0]?.textContent ?? null;
  return { status: payload.status, xml, instanceID };
}

window.BeaconOdk = { open, questions, answer, question, violations, submission };
