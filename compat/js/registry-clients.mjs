#!/usr/bin/env node
// Runs the two JavaScript schema registry clients from npm against a registry and checks every
// answer: Confluent's official client (@confluentinc/schemaregistry: SchemaRegistryClient,
// AvroSerializer, AvroDeserializer, and for JSON Schema and Protobuf the checks of
// schema-formats.mjs) and @kafkajs/confluent-schema-registry (SchemaRegistry with register, encode,
// decode and the lookups). Both are written against Confluent Schema Registry, so
// every check here states what they rely on from it.
//
//   node registry-clients.mjs http://127.0.0.1:8081
//
// Prints one line per check, `ok <what>` or `FAIL <what>: <why>`, then a `N passed, N failed` line;
// exits 1 when a check failed, 2 when the registry does not answer at all. Subjects, topics and
// Avro namespaces carry a per-run suffix, so the script runs against a registry that already holds
// data (except the RECORD strategy's subject, see below); the global compatibility level it changes
// is put back before it ends.

import assert from 'node:assert/strict';
import {
  AvroDeserializer,
  AvroSerializer,
  CelExecutor,
  Compatibility,
  HeaderSchemaIdSerializer,
  KAFKA_CLUSTER_ID,
  RestError,
  SchemaRegistryClient,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';
import kafkajs from '@kafkajs/confluent-schema-registry';
import { schemaFormatChecks } from './schema-formats.mjs';

const { SchemaRegistry, SchemaType, COMPATIBILITY } = kafkajs;

const url = process.argv[2];
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: node registry-clients.mjs http://HOST:PORT');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Checks

let passed = 0;
let failed = 0;

function oneLine(text) {
  const flat = String(text).replace(/\s*\n\s*/g, ' | ').trim();
  return flat.length > 700 ? `${flat.slice(0, 700)}...` : flat;
}

/** What went wrong, with the HTTP status and error code when the registry answered with an error. */
function describe(error) {
  if (error instanceof RestError) {
    return oneLine(`HTTP ${error.status}, error_code ${error.errorCode}: ${error.message}`);
  }
  if (error && error.name === 'ResponseError' && 'status' in error) {
    // kafkajs (mappersmith) error: status and "METHOD url"
    return oneLine(`HTTP ${error.status} on ${error.url}: ${error.message}`);
  }
  if (error instanceof assert.AssertionError) {
    return oneLine(error.message);
  }
  return oneLine(`${error?.name ?? 'Error'}: ${error?.message ?? error}`);
}

async function check(description, body) {
  try {
    await body();
    passed++;
    console.log(`ok ${description}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${description}: ${describe(error)}`);
  }
}

/** A value an earlier check should have produced; fails the current check when it did not. */
function needs(value, what) {
  if (value === undefined || value === null) {
    throw new Error(`needs ${what}, which an earlier check did not produce`);
  }
  return value;
}

/** Asserts that `promise` rejects with a Confluent client RestError of this status and code. */
async function rejectsWithRest(promise, status, errorCode) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof RestError, `expected a RestError, got ${describe(error)}`);
    assert.equal(error.status, status, `HTTP status (${error.message})`);
    assert.equal(error.errorCode, errorCode, `error_code (${error.message})`);
    return true;
  });
}

/** Asserts that `promise` rejects with a kafkajs HTTP error of this status. */
async function rejectsWithStatus(promise, status) {
  await assert.rejects(promise, (error) => {
    assert.equal(error?.status, status, `HTTP status of ${describe(error)}`);
    return true;
  });
}

/** Avro records decode to class instances; compare their plain data. */
function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

// ---------------------------------------------------------------------------------------------
// Avro binary encoding, written out here so the serializers' bytes are checked against the Avro
// specification rather than against the library that produced them.

function avroLong(n) {
  let z = BigInt.asUintN(64, (BigInt(n) << 1n) ^ (BigInt(n) >> 63n));
  const bytes = [];
  do {
    let b = Number(z & 0x7fn);
    z >>= 7n;
    if (z > 0n) b |= 0x80;
    bytes.push(b);
  } while (z > 0n);
  return Buffer.from(bytes);
}

function avroString(s) {
  const utf8 = Buffer.from(s, 'utf8');
  return Buffer.concat([avroLong(utf8.length), utf8]);
}

/** The Confluent wire format: magic byte 0, the schema id as 4 bytes big-endian, the Avro body. */
function assertWire(buffer, id, avroBody) {
  assert.ok(Buffer.isBuffer(buffer), 'serialized value is a Buffer');
  assert.equal(buffer[0], 0, 'magic byte');
  assert.equal(buffer.readInt32BE(1), id, 'schema id (bytes 1-4, big-endian)');
  assert.equal(buffer.subarray(5).toString('hex'), avroBody.toString('hex'), 'Avro body after the 5-byte header');
}

// ---------------------------------------------------------------------------------------------
// Names and schemas of this run

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const prefix = `ferry-compat-js-${run}`;
const ns = `io.ferry.compat.r${run}`;

const addressV1 = {
  type: 'record',
  name: 'Address',
  namespace: ns,
  fields: [
    { name: 'street', type: 'string' },
    { name: 'city', type: 'string' },
  ],
};
// BACKWARD compatible with v1: a new optional field with a default
const addressV2 = {
  ...addressV1,
  fields: [...addressV1.fields, { name: 'zip', type: ['null', 'string'], default: null }],
};
// BACKWARD incompatible with v2: a new field without a default cannot be read from old data
const addressBad = {
  ...addressV1,
  fields: [...addressV2.fields, { name: 'country', type: 'string' }],
};
const customer = {
  type: 'record',
  name: 'Customer',
  namespace: ns,
  fields: [
    { name: 'name', type: 'string' },
    { name: 'address', type: `${ns}.Address` },
  ],
};

const avro = (schema) => ({ schemaType: 'AVRO', schema: JSON.stringify(schema) });

function addressBytes({ street, city, zip }, withZip) {
  const parts = [avroString(street), avroString(city)];
  if (withZip) parts.push(zip == null ? avroLong(0) : Buffer.concat([avroLong(1), avroString(zip)]));
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// Clients

const clientConfig = () => ({
  baseURLs: [url],
  maxRetries: 0, // show the registry's first answer instead of retrying it
  createAxiosDefaults: { timeout: 15000 },
});
/** A Confluent client with empty caches, so that the next call reaches the registry. */
const freshConfluent = () => new SchemaRegistryClient(clientConfig());
const sr = freshConfluent();

const kafkajsClient = () => new SchemaRegistry({ host: url, retry: { retries: 0 } });

// ---------------------------------------------------------------------------------------------
// Confluent client: subjects, versions, ids

const cf = {
  address: `${prefix}-address`,
  customerTopic: `${prefix}-customer`,
  del: `${prefix}-delete`,
  config: `${prefix}-config`,
  mode: `${prefix}-mode`,
};
cf.customer = `${cf.customerTopic}-value`;
const ids = {};

async function confluentRegistry() {
  const p = 'confluent client:';

  await check(`${p} register an Avro record (POST /subjects/{s}/versions) returns an id`, async () => {
    ids.addressV1 = await sr.register(cf.address, avro(addressV1));
    assert.equal(typeof ids.addressV1, 'number');
    assert.ok(ids.addressV1 > 0, `id ${ids.addressV1}`);
  });

  await check(`${p} registerFullResponse of the same schema answers the same id`, async () => {
    const meta = await freshConfluent().registerFullResponse(cf.address, avro(addressV1));
    assert.equal(meta.id, needs(ids.addressV1, 'the v1 id'));
    if (meta.version !== undefined) assert.equal(meta.version, 1, 'version, when given');
  });

  await check(`${p} getBySubjectAndId returns the schema text, no schemaType for Avro`, async () => {
    const info = await sr.getBySubjectAndId(cf.address, needs(ids.addressV1, 'the v1 id'));
    assert.deepEqual(JSON.parse(info.schema), addressV1);
    assert.ok(info.schemaType === undefined || info.schemaType === 'AVRO', `schemaType ${info.schemaType}`);
  });

  await check(`${p} getBySubjectAndId of an unknown id fails with 404/40403`, async () => {
    await rejectsWithRest(freshConfluent().getBySubjectAndId(cf.address, 2147483000), 404, 40403);
  });

  await check(`${p} register a compatible v2 gets a new id`, async () => {
    ids.addressV2 = await sr.register(cf.address, avro(addressV2));
    assert.ok(ids.addressV2 > needs(ids.addressV1, 'the v1 id'), `v2 id ${ids.addressV2}`);
  });

  await check(`${p} registering v2 again is idempotent (same id)`, async () => {
    assert.equal(await freshConfluent().register(cf.address, avro(addressV2)), needs(ids.addressV2, 'the v2 id'));
  });

  await check(`${p} getLatestSchemaMetadata answers subject, version 2, id, schema`, async () => {
    const meta = await freshConfluent().getLatestSchemaMetadata(cf.address);
    assert.equal(meta.subject, cf.address);
    assert.equal(meta.version, 2);
    assert.equal(meta.id, needs(ids.addressV2, 'the v2 id'));
    assert.deepEqual(JSON.parse(meta.schema), addressV2);
  });

  await check(`${p} getSchemaMetadata(subject, 1) answers version 1`, async () => {
    const meta = await freshConfluent().getSchemaMetadata(cf.address, 1);
    assert.equal(meta.subject, cf.address);
    assert.equal(meta.version, 1);
    assert.equal(meta.id, needs(ids.addressV1, 'the v1 id'));
    assert.deepEqual(JSON.parse(meta.schema), addressV1);
  });

  await check(`${p} getSchemaMetadata of a missing version fails with 404/40402`, async () => {
    await rejectsWithRest(freshConfluent().getSchemaMetadata(cf.address, 99), 404, 40402);
  });

  await check(`${p} getSchemaMetadata of a missing subject fails with 404/40401`, async () => {
    await rejectsWithRest(freshConfluent().getSchemaMetadata(`${prefix}-missing`, 1), 404, 40401);
  });

  await check(`${p} getAllVersions answers [1, 2]`, async () => {
    assert.deepEqual(await sr.getAllVersions(cf.address), [1, 2]);
  });

  await check(`${p} getId (POST /subjects/{s}) finds v1's id`, async () => {
    assert.equal(await freshConfluent().getId(cf.address, avro(addressV1)), needs(ids.addressV1, 'the v1 id'));
  });

  await check(`${p} getIdFullResponse answers subject, version, id, schema`, async () => {
    const meta = await freshConfluent().getIdFullResponse(cf.address, avro(addressV2));
    assert.equal(meta.subject, cf.address);
    assert.equal(meta.version, 2);
    assert.equal(meta.id, needs(ids.addressV2, 'the v2 id'));
    assert.deepEqual(JSON.parse(meta.schema), addressV2);
  });

  await check(`${p} getId of a schema the subject lacks fails with 404/40403`, async () => {
    await rejectsWithRest(freshConfluent().getId(cf.address, avro(addressBad)), 404, 40403);
  });

  await check(`${p} getId normalize=true finds a schema written with extra whitespace`, async () => {
    const spaced = { schemaType: 'AVRO', schema: JSON.stringify(addressV1, null, 2) };
    assert.equal(await freshConfluent().getId(cf.address, spaced, true), needs(ids.addressV1, 'the v1 id'));
  });

  await check(`${p} getVersion answers v1's version number`, async () => {
    assert.equal(await freshConfluent().getVersion(cf.address, avro(addressV1)), 1);
  });

  await check(`${p} getAllSubjects lists the subject`, async () => {
    const subjects = await sr.getAllSubjects();
    assert.ok(Array.isArray(subjects));
    assert.ok(subjects.includes(cf.address), `${cf.address} missing`);
  });

  await check(`${p} register with a reference to another subject's version`, async () => {
    const info = { ...avro(customer), references: [{ name: `${ns}.Address`, subject: cf.address, version: 1 }] };
    ids.customer = await sr.register(cf.customer, info);
    assert.ok(ids.customer > 0);
  });

  await check(`${p} the referencing schema comes back with its references`, async () => {
    const meta = await freshConfluent().getLatestSchemaMetadata(cf.customer);
    assert.equal(meta.id, needs(ids.customer, 'the customer id'));
    assert.deepEqual(meta.references, [{ name: `${ns}.Address`, subject: cf.address, version: 1 }]);
    const byId = await freshConfluent().getBySubjectAndId(cf.customer, ids.customer);
    assert.deepEqual(byId.references, meta.references);
  });

  await check(`${p} a referenced version cannot be deleted (422/42206)`, async () => {
    await rejectsWithRest(freshConfluent().deleteSubjectVersion(cf.address, 1), 422, 42206);
  });

  // format "resolved": the Avro schema with its references inlined (what Avro's Schema.toString()
  // writes), instead of the stored text that names Address only
  const assertResolved = (text) => {
    const schema = JSON.parse(text);
    const address = schema.fields?.[1]?.type;
    assert.equal(typeof address, 'object', `the address field's type is ${JSON.stringify(address)}, not the inlined record`);
    assert.equal(address.type, 'record');
    const fullName = address.name.includes('.') ? address.name : `${address.namespace ?? schema.namespace}.${address.name}`;
    assert.equal(fullName, `${ns}.Address`);
    assert.deepEqual(address.fields, addressV1.fields);
  };
  await check(`${p} getLatestSchemaMetadata(subject, 'resolved') inlines the referenced schema`, async () => {
    needs(ids.customer, 'the customer id');
    assertResolved((await freshConfluent().getLatestSchemaMetadata(cf.customer, 'resolved')).schema);
  });

  await check(`${p} getBySubjectAndId(subject, id, 'resolved') inlines the referenced schema`, async () => {
    assertResolved((await freshConfluent().getBySubjectAndId(cf.customer, needs(ids.customer, 'the customer id'), 'resolved')).schema);
  });

  await check(`${p} a subject name with spaces, unicode and URL characters round-trips`, async () => {
    const odd = `${prefix} odd é#?%&+=`;
    const id = await sr.register(odd, avro(addressV1));
    assert.equal(id, needs(ids.addressV1, 'the v1 id'), 'same schema, same id');
    const meta = await freshConfluent().getLatestSchemaMetadata(odd);
    assert.equal(meta.subject, odd);
    assert.ok((await sr.getAllSubjects()).includes(odd));
    assert.equal(await freshConfluent().getId(odd, avro(addressV1)), id);
  });

  await check(`${p} a primitive schema is stored in canonical form ({"type":"string"} -> "string")`, async () => {
    const subject = `${prefix}-primitive`;
    const id = await sr.register(subject, { schemaType: 'AVRO', schema: '{"type":"string"}' });
    const meta = await freshConfluent().getLatestSchemaMetadata(subject);
    assert.equal(meta.id, id);
    assert.equal(meta.schema, '"string"');
    assert.equal(await freshConfluent().getId(subject, { schemaType: 'AVRO', schema: '"string"' }), id);
  });
}

async function confluentCompatibility() {
  const p = 'confluent client:';

  await check(`${p} testSubjectCompatibility of a compatible schema is true`, async () => {
    const v3 = { ...addressV2, fields: [...addressV2.fields, { name: 'note', type: 'string', default: '' }] };
    assert.equal(await sr.testSubjectCompatibility(cf.address, avro(v3)), true);
  });

  await check(`${p} testSubjectCompatibility of an incompatible schema is false`, async () => {
    assert.equal(await sr.testSubjectCompatibility(cf.address, avro(addressBad)), false);
  });

  await check(`${p} testCompatibility against version 1 (v2 is compatible)`, async () => {
    assert.equal(await sr.testCompatibility(cf.address, 1, avro(addressV2)), true);
  });

  await check(`${p} testCompatibility against version 1 (a changed field type is not)`, async () => {
    const changed = { ...addressV1, fields: [{ name: 'street', type: 'int' }, addressV1.fields[1]] };
    assert.equal(await sr.testCompatibility(cf.address, 1, avro(changed)), false);
  });

  await check(`${p} registering an incompatible schema fails with 409`, async () => {
    await assert.rejects(freshConfluent().register(cf.address, avro(addressBad)), (error) => {
      assert.ok(error instanceof RestError, describe(error));
      assert.equal(error.status, 409);
      assert.ok([409, 40901].includes(error.errorCode), `error_code ${error.errorCode}`);
      return true;
    });
  });

  await check(`${p} an invalid schema fails with 422/42201`, async () => {
    await rejectsWithRest(freshConfluent().register(cf.address, { schemaType: 'AVRO', schema: '{"type":"record"' }), 422, 42201);
  });
}

async function confluentConfig() {
  const p = 'confluent client:';
  const subject = cf.config;

  await check(`${p} getCompatibility of a subject without its own level fails with 404/40408`, async () => {
    await rejectsWithRest(sr.getCompatibility(subject), 404, 40408);
  });

  await check(`${p} updateCompatibility(subject, FULL) answers FULL`, async () => {
    assert.equal(await sr.updateCompatibility(subject, Compatibility.FULL), Compatibility.FULL);
  });

  await check(`${p} getCompatibility(subject) answers FULL`, async () => {
    assert.equal(await sr.getCompatibility(subject), Compatibility.FULL);
  });

  await check(`${p} updateConfig(subject, {compatibility, normalize}) echoes them`, async () => {
    const answer = await sr.updateConfig(subject, { compatibility: Compatibility.BACKWARD_TRANSITIVE, normalize: true });
    assert.equal(answer.compatibility, Compatibility.BACKWARD_TRANSITIVE);
    assert.equal(answer.normalize, true);
  });

  await check(`${p} getConfig(subject) answers compatibilityLevel and normalize`, async () => {
    const config = await sr.getConfig(subject);
    assert.equal(config.compatibilityLevel, Compatibility.BACKWARD_TRANSITIVE);
    assert.equal(config.normalize, true);
  });

  await check(`${p} the subject level governs registration (FULL refuses an added required field)`, async () => {
    await sr.updateCompatibility(subject, Compatibility.FULL);
    await sr.register(subject, avro(addressV1));
    const added = { ...addressV1, fields: [...addressV1.fields, { name: 'extra', type: 'string' }] };
    assert.equal(await sr.testSubjectCompatibility(subject, avro(added)), false);
  });

  let original;
  await check(`${p} getDefaultCompatibility / getDefaultConfig answer the global level`, async () => {
    original = await sr.getDefaultConfig();
    assert.ok(Object.values(Compatibility).includes(original.compatibilityLevel), JSON.stringify(original));
    assert.equal(await sr.getDefaultCompatibility(), original.compatibilityLevel);
  });

  if (original) {
    const other = original.compatibilityLevel === Compatibility.FULL ? Compatibility.FORWARD : Compatibility.FULL;
    try {
      await check(`${p} updateDefaultCompatibility changes the global level`, async () => {
        assert.equal(await sr.updateDefaultCompatibility(other), other);
        assert.equal(await sr.getDefaultCompatibility(), other);
      });
      await check(`${p} updateDefaultConfig / getDefaultConfig round-trip`, async () => {
        const answer = await sr.updateDefaultConfig({ compatibility: Compatibility.NONE });
        assert.equal(answer.compatibility, Compatibility.NONE);
        assert.equal((await sr.getDefaultConfig()).compatibilityLevel, Compatibility.NONE);
      });
    } finally {
      await check(`${p} the global level is put back to ${original.compatibilityLevel}`, async () => {
        const restore = { compatibility: original.compatibilityLevel };
        if (original.normalize !== undefined) restore.normalize = original.normalize;
        await sr.updateDefaultConfig(restore);
        assert.equal(await sr.getDefaultCompatibility(), original.compatibilityLevel);
      });
    }
  }
}

// Neither library has a method for modes or verbose compatibility; these go through the Confluent
// client's own REST transport (its headers, its error handling), as an application would.
async function confluentTransport() {
  const p = 'confluent client transport:';
  const rest = sr.restService;

  await check(`${p} GET /mode answers a mode`, async () => {
    const { data } = await rest.handleRequest('/mode', 'GET');
    assert.ok(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'].includes(data.mode), JSON.stringify(data));
  });

  await check(`${p} PUT /mode/{s} READONLY, then a registration fails with 422/42205`, async () => {
    const { data } = await rest.handleRequest(`/mode/${cf.mode}`, 'PUT', { mode: 'READONLY' });
    assert.deepEqual(data, { mode: 'READONLY' });
    assert.equal((await rest.handleRequest(`/mode/${cf.mode}`, 'GET')).data.mode, 'READONLY');
    await rejectsWithRest(freshConfluent().register(cf.mode, avro(addressV1)), 422, 42205);
  });

  await check(`${p} PUT /mode/{s} READWRITE, then the registration succeeds`, async () => {
    await rest.handleRequest(`/mode/${cf.mode}`, 'PUT', { mode: 'READWRITE' });
    assert.ok((await freshConfluent().register(cf.mode, avro(addressV1))) > 0);
  });

  await check(`${p} verbose compatibility names the reason`, async () => {
    const { data } = await rest.handleRequest(
      `/compatibility/subjects/${cf.address}/versions/latest?verbose=true`, 'POST', avro(addressBad));
    assert.equal(data.is_compatible, false);
    assert.ok(Array.isArray(data.messages) && data.messages.length > 0, JSON.stringify(data));
    assert.ok(data.messages.some((m) => m.includes('READER_FIELD_MISSING_DEFAULT_VALUE')), JSON.stringify(data.messages));
  });
}

async function confluentDeletes() {
  const p = 'confluent client:';
  const subject = cf.del;
  const v1 = { ...addressV1, name: 'Deleted' };
  const v2 = { ...addressV2, name: 'Deleted' };

  await check(`${p} set up a subject with two versions to delete`, async () => {
    await sr.register(subject, avro(v1));
    await sr.register(subject, avro(v2));
    assert.deepEqual(await sr.getAllVersions(subject), [1, 2]);
  });

  await check(`${p} deleteSubjectVersion (soft) answers the version`, async () => {
    assert.equal(await sr.deleteSubjectVersion(subject, 2), 2);
    assert.deepEqual(await sr.getAllVersions(subject), [1]);
  });

  await check(`${p} a soft-deleted version is readable with deleted=true only`, async () => {
    await rejectsWithRest(freshConfluent().getSchemaMetadata(subject, 2, false), 404, 40402);
    const meta = await freshConfluent().getSchemaMetadata(subject, 2, true);
    assert.equal(meta.version, 2);
  });

  await check(`${p} getVersion finds a soft-deleted version only with deleted=true`, async () => {
    await rejectsWithRest(freshConfluent().getVersion(subject, avro(v2), false, false), 404, 40403);
    assert.equal(await freshConfluent().getVersion(subject, avro(v2), false, true), 2);
  });

  await check(`${p} a second soft delete of the version fails with 404/40406`, async () => {
    await rejectsWithRest(sr.deleteSubjectVersion(subject, 2), 404, 40406);
  });

  await check(`${p} deleteSubjectVersion (permanent) answers the version`, async () => {
    assert.equal(await sr.deleteSubjectVersion(subject, 2, true), 2);
    await rejectsWithRest(freshConfluent().getSchemaMetadata(subject, 2, true), 404, 40402);
  });

  await check(`${p} a permanent delete of a live version fails with 404/40407`, async () => {
    await rejectsWithRest(sr.deleteSubjectVersion(subject, 1, true), 404, 40407);
  });

  await check(`${p} a permanent subject delete before the soft one fails with 404/40405`, async () => {
    await rejectsWithRest(sr.deleteSubject(subject, true), 404, 40405);
  });

  await check(`${p} deleteSubject (soft) answers the versions and hides the subject`, async () => {
    assert.deepEqual(await sr.deleteSubject(subject), [1]);
    assert.ok(!(await sr.getAllSubjects()).includes(subject));
    await rejectsWithRest(sr.getAllVersions(subject), 404, 40401);
  });

  await check(`${p} a second soft subject delete fails with 404/40404`, async () => {
    await rejectsWithRest(sr.deleteSubject(subject), 404, 40404);
  });

  await check(`${p} deleteSubject (permanent) answers the versions`, async () => {
    assert.deepEqual(await sr.deleteSubject(subject, true), [1]);
    await rejectsWithRest(freshConfluent().getSchemaMetadata(subject, 1, true), 404, 40401);
  });
}

// ---------------------------------------------------------------------------------------------
// Confluent serializers

async function confluentSerde() {
  const p = 'confluent serde:';
  const person = { name: 'Ada', age: 36 };
  const personBytes = Buffer.concat([avroString('Ada'), avroLong(36)]);
  // the schema AvroSerializer derives from `person` when it registers one itself
  const personSchema = {
    type: 'record',
    name: 'Record1',
    fields: [
      { name: 'name', type: 'string' },
      { name: 'age', type: 'int' },
    ],
  };

  const autoTopic = `${prefix}-auto`;
  let autoBytes;
  await check(`${p} AvroSerializer autoRegister + TopicNameStrategy writes magic 0 + id + Avro`, async () => {
    const ser = new AvroSerializer(sr, SerdeType.VALUE, {
      autoRegisterSchemas: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    autoBytes = await ser.serialize(autoTopic, person);
    const id = await freshConfluent().getId(`${autoTopic}-value`, avro(personSchema));
    assertWire(autoBytes, id, personBytes);
  });

  await check(`${p} AvroDeserializer (TopicNameStrategy) reads it back`, async () => {
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, {
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    assert.deepEqual(plain(await de.deserialize(autoTopic, needs(autoBytes, 'the serialized record'))), person);
  });

  await check(`${p} AvroDeserializer reads an id registered under another topic's subject`, async () => {
    // GET /schemas/ids/{id}?subject={other topic}-value: the subject only scopes the lookup
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, {
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    assert.deepEqual(plain(await de.deserialize(`${prefix}-elsewhere`, needs(autoBytes, 'the serialized record'))), person);
  });

  await check(`${p} a KEY serializer registers under {topic}-key`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.KEY, {
      autoRegisterSchemas: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const bytes = await ser.serialize(autoTopic, person);
    const id = await freshConfluent().getId(`${autoTopic}-key`, avro(personSchema));
    assertWire(bytes, id, personBytes);
    const de = new AvroDeserializer(freshConfluent(), SerdeType.KEY, { subjectNameStrategyType: SubjectNameStrategyType.TOPIC });
    assert.deepEqual(plain(await de.deserialize(autoTopic, bytes)), person);
  });

  const defaultTopic = `${prefix}-default`;
  await check(`${p} the default strategy (associations, falling back to the topic name) works`, async () => {
    // No strategy type: the serializer asks GET /associations/resources/-/{topic} and, on a 404,
    // falls back to TopicNameStrategy.
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, { autoRegisterSchemas: true });
    const bytes = await ser.serialize(defaultTopic, person);
    const id = await freshConfluent().getId(`${defaultTopic}-value`, avro(personSchema));
    assertWire(bytes, id, personBytes);
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, {});
    assert.deepEqual(plain(await de.deserialize(defaultTopic, bytes)), person);
  });

  await check(`${p} without autoRegister the serializer looks the schema up (POST /subjects/{s})`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const bytes = await ser.serialize(autoTopic, person);
    assert.equal(bytes.readInt32BE(1), needs(autoBytes, 'the auto-registered record').readInt32BE(1));
  });

  await check(`${p} without autoRegister an unknown schema fails with 404`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    await assert.rejects(ser.serialize(`${prefix}-unregistered`, person), (error) => {
      assert.ok(error instanceof RestError, describe(error));
      assert.equal(error.status, 404);
      return true;
    });
  });

  // useLatestVersion: the schema is the subject's latest (Address v2), not one derived from the value
  const latestTopic = `${prefix}-latest`;
  const latestSubject = `${latestTopic}-value`;
  const home = { street: '1 Main St', city: 'London', zip: 'N1' };
  let latestBytes;
  await check(`${p} useLatestVersion serializes with the subject's latest schema`, async () => {
    await sr.register(latestSubject, avro(addressV1));
    const latestId = await sr.register(latestSubject, avro(addressV2));
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useLatestVersion: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    latestBytes = await ser.serialize(latestTopic, home);
    assertWire(latestBytes, latestId, addressBytes(home, true));
  });

  await check(`${p} AvroDeserializer with useLatestVersion reads it back`, async () => {
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, {
      useLatestVersion: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    assert.deepEqual(plain(await de.deserialize(latestTopic, needs(latestBytes, 'the serialized record'))), home);
  });

  await check(`${p} useSchemaId writes v1; a useLatestVersion reader upgrades it to v2`, async () => {
    const v1Id = await freshConfluent().getId(latestSubject, avro(addressV1));
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useSchemaId: v1Id,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const old = { street: '2 High St', city: 'Leeds' };
    const bytes = await ser.serialize(latestTopic, old);
    assertWire(bytes, v1Id, addressBytes(old, false));
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, {
      useLatestVersion: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    assert.deepEqual(plain(await de.deserialize(latestTopic, bytes)), { ...old, zip: null });
  });

  await check(`${p} a schema with a reference serializes (useLatestVersion) and round-trips`, async () => {
    const customerId = needs(ids.customer, 'the customer id');
    const ada = { name: 'Ada', address: { street: '1 Main St', city: 'London' } };
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useLatestVersion: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const bytes = await ser.serialize(cf.customerTopic, ada);
    assertWire(bytes, customerId, Buffer.concat([avroString('Ada'), addressBytes(ada.address, false)]));
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, { subjectNameStrategyType: SubjectNameStrategyType.TOPIC });
    assert.deepEqual(plain(await de.deserialize(cf.customerTopic, bytes)), ada);
  });

  for (const [type, value, body] of [
    ['string', 'Hello, Ferry', avroString('Hello, Ferry')],
    ['long', 1234567890123, avroLong(1234567890123)],
  ]) {
    await check(`${p} a primitive ${type} value round-trips (useLatestVersion)`, async () => {
      const topic = `${prefix}-${type}`;
      const id = await sr.register(`${topic}-value`, { schemaType: 'AVRO', schema: JSON.stringify({ type }) });
      const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
        autoRegisterSchemas: false,
        useLatestVersion: true,
        subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
      });
      const bytes = await ser.serialize(topic, value);
      assertWire(bytes, id, body);
      const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, { subjectNameStrategyType: SubjectNameStrategyType.TOPIC });
      assert.equal(await de.deserialize(topic, bytes), value);
    });
  }

  // Record-name strategies: the subject is the name of the record AvroSerializer derives from the
  // value ("Record1"), so RECORD's subject cannot carry this run's suffix. The value's shape is the
  // same every run, and registering a schema a subject already holds is answered with its id.
  const event = { ferryCompatKind: 'record-name-strategy', seq: 7 };
  const eventSchema = {
    type: 'record',
    name: 'Record1',
    fields: [
      { name: 'ferryCompatKind', type: 'string' },
      { name: 'seq', type: 'int' },
    ],
  };
  const eventBytes = Buffer.concat([avroString('record-name-strategy'), avroLong(7)]);
  const recordTopic = `${prefix}-records`;
  for (const [type, subject] of [
    [SubjectNameStrategyType.RECORD, 'Record1'],
    [SubjectNameStrategyType.TOPIC_RECORD, `${recordTopic}-Record1`],
  ]) {
    await check(`${p} autoRegister with ${type} strategy registers under ${subject}`, async () => {
      const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, { autoRegisterSchemas: true, subjectNameStrategyType: type });
      const bytes = await ser.serialize(recordTopic, event);
      const id = await freshConfluent().getId(subject, avro(eventSchema));
      assertWire(bytes, id, eventBytes);
      // The deserializer knows no record name before it has the writer schema, so it asks
      // GET /schemas/ids/{id}?subject= with an empty (RECORD) or "{topic}-" (TOPIC_RECORD) subject.
      const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, { subjectNameStrategyType: type });
      assert.deepEqual(plain(await de.deserialize(recordTopic, bytes)), event);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Data contracts: metadata and rule sets are stored by the registry and executed by the client

async function confluentDataContracts() {
  const p = 'confluent data contracts:';
  const topic = `${prefix}-contract`;
  const subject = `${topic}-value`;
  const cityRule = {
    name: 'cityNotEmpty',
    kind: 'CONDITION',
    mode: 'WRITE',
    type: 'CEL',
    expr: "message.city != ''",
    onFailure: 'ERROR',
  };
  const v1 = { ...avro(addressV1), metadata: { properties: { owner: 'team-a', app_version: '1' } }, ruleSet: { domainRules: [cityRule] } };
  const v2 = { ...avro(addressV2), metadata: { properties: { owner: 'team-a', app_version: '2' } }, ruleSet: { domainRules: [cityRule] } };

  await check(`${p} registerFullResponse returns the metadata and rule set`, async () => {
    const meta = await sr.registerFullResponse(subject, v1);
    ids.contractV1 = meta.id;
    assert.deepEqual(meta.metadata, v1.metadata);
    assert.deepEqual(meta.ruleSet, v1.ruleSet);
    ids.contractV2 = (await sr.registerFullResponse(subject, v2)).id;
  });

  await check(`${p} getSchemaMetadata returns each version's metadata and rule set`, async () => {
    const one = await freshConfluent().getSchemaMetadata(subject, 1);
    assert.equal(one.id, needs(ids.contractV1, 'the contract v1 id'));
    assert.deepEqual(one.metadata, v1.metadata);
    assert.deepEqual(one.ruleSet, v1.ruleSet);
    const latest = await freshConfluent().getLatestSchemaMetadata(subject);
    assert.equal(latest.version, 2);
    assert.deepEqual(latest.metadata, v2.metadata);
  });

  await check(`${p} getLatestWithMetadata (GET /subjects/{s}/metadata) finds version 1`, async () => {
    const meta = await freshConfluent().getLatestWithMetadata(subject, { app_version: '1' });
    assert.equal(meta.version, 1);
    assert.equal(meta.id, needs(ids.contractV1, 'the contract v1 id'));
  });

  // Versions of this subject carry a CEL rule: the serializers need its executor.
  CelExecutor.register();
  await check(`${p} AvroSerializer useLatestWithMetadata writes with version 1's id`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useLatestWithMetadata: { app_version: '1' },
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const value = { street: '1 Main St', city: 'London' };
    const bytes = await ser.serialize(topic, value);
    assertWire(bytes, needs(ids.contractV1, 'the contract v1 id'), addressBytes(value, false));
  });

  await check(`${p} the stored CEL rule runs in AvroSerializer (valid passes, invalid is refused)`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useLatestVersion: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const good = { street: '1 Main St', city: 'London', zip: null };
    assertWire(await ser.serialize(topic, good), needs(ids.contractV2, 'the contract v2 id'), addressBytes(good, true));
    await assert.rejects(ser.serialize(topic, { street: '1 Main St', city: '', zip: null }), /cityNotEmpty/);
  });
}

// ---------------------------------------------------------------------------------------------
// Newer Confluent features the official client uses: schema GUIDs and topic associations

async function confluentGuidsAndAssociations() {
  const p = 'confluent client (Confluent 8 features):';
  const topic = `${prefix}-guid`;

  let guid;
  await check(`${p} registration answers the schema's guid`, async () => {
    const meta = await freshConfluent().registerFullResponse(`${topic}-value`, avro(addressV1));
    assert.match(String(meta.guid), /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, `guid ${meta.guid}`);
    guid = meta.guid;
  });

  await check(`${p} getByGuid (GET /schemas/guids/{guid}) returns the schema`, async () => {
    const info = await freshConfluent().getByGuid(needs(guid, 'a guid'));
    assert.deepEqual(JSON.parse(info.schema), addressV1);
  });

  await check(`${p} HeaderSchemaIdSerializer puts the guid in a header; AvroDeserializer reads it`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: false,
      useLatestVersion: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
      schemaIdSerializer: HeaderSchemaIdSerializer,
    });
    const value = { street: '1 Main St', city: 'London' };
    const headers = {};
    const bytes = await ser.serialize(topic, value, headers);
    assert.equal(bytes.toString('hex'), addressBytes(value, false).toString('hex'), 'the value is the bare Avro body');
    const header = headers.__value_schema_id;
    assert.ok(Buffer.isBuffer(header) && header.length === 17 && header[0] === 1, 'header: magic byte 1 + 16-byte guid');
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, { subjectNameStrategyType: SubjectNameStrategyType.TOPIC });
    assert.deepEqual(plain(await de.deserialize(topic, bytes, headers)), value);
  });

  const assocTopic = `${prefix}-assoc`;
  const assocSubject = `${prefix}-associated`;
  const clusterId = `ferry-compat-${run}`;
  // Ferry does not implement topic associations (docs/registry.md): creating one is refused with the
  // plain 404 an older registry gives, which is also what makes the default strategy fall back.
  await check(`${p} createAssociation is refused with the documented 404`, async () => {
    await assert.rejects(
      sr.createAssociation({
        resourceName: assocTopic,
        resourceNamespace: clusterId,
        resourceId: `${clusterId}-${assocTopic}`,
        resourceType: 'topic',
        associations: [{ subject: assocSubject, associationType: 'value' }],
      }),
      (error) => error?.status === 404 || error?.errorCode === 404 || /404/.test(String(error?.message)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// kafkajs client

const kj = {
  personSubject: `${ns}.Person`, // the subject kafkajs derives: namespace + "." + name
  explicit: `${prefix}-kafkajs`,
  order: `${prefix}-kafkajs-order`,
};

async function kafkajsRegistry() {
  const p = 'kafkajs:';
  const registry = kafkajsClient();
  const personV1 = {
    type: 'record',
    name: 'Person',
    namespace: ns,
    fields: [
      { name: 'name', type: 'string' },
      { name: 'age', type: 'int' },
    ],
  };
  const personV2 = {
    ...personV1,
    fields: [...personV1.fields, { name: 'email', type: ['null', 'string'], default: null }],
  };

  await check(`${p} register(schema) derives the subject namespace.name and returns an id`, async () => {
    const { id } = await registry.register(personV1);
    assert.ok(id > 0, `id ${id}`);
    ids.kPerson1 = id;
    const meta = await freshConfluent().getLatestSchemaMetadata(kj.personSubject);
    assert.equal(meta.id, id);
  });

  await check(`${p} a first registration sets the subject's level (PUT /config/{s}) to BACKWARD`, async () => {
    assert.equal(await freshConfluent().getCompatibility(kj.personSubject), Compatibility.BACKWARD);
  });

  await check(`${p} registering again reads the level (GET /config/{s}) and answers the same id`, async () => {
    const { id } = await kafkajsClient().register(personV1);
    assert.equal(id, needs(ids.kPerson1, 'the Person id'));
  });

  await check(`${p} register refuses a subject whose level differs from the one asked for`, async () => {
    await assert.rejects(kafkajsClient().register(personV1, { compatibility: COMPATIBILITY.FULL }), (error) => {
      assert.equal(error.name, 'ConfluentSchemaRegistryCompatibilityError', describe(error));
      return true;
    });
  });

  await check(`${p} register a compatible v2 (Confluent schema form, explicit subject)`, async () => {
    const { id } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(personV2) }, { subject: kj.personSubject });
    assert.ok(id > needs(ids.kPerson1, 'the Person id'));
    ids.kPerson2 = id;
  });

  await check(`${p} register an incompatible schema fails with HTTP 409`, async () => {
    const bad = { ...personV1, fields: [{ name: 'name', type: 'int' }] };
    await rejectsWithStatus(kafkajsClient().register(bad), 409);
  });

  await check(`${p} register with compatibility NONE and updateConfig sets the subject to NONE`, async () => {
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify({ ...personV1, name: 'Explicit' }) },
      { subject: kj.explicit, compatibility: COMPATIBILITY.NONE });
    assert.ok(id > 0);
    assert.equal(await freshConfluent().getCompatibility(kj.explicit), Compatibility.NONE);
  });

  await check(`${p} getRegistryId(subject, version) and (subject, 'latest')`, async () => {
    assert.equal(await registry.getRegistryId(kj.personSubject, 1), needs(ids.kPerson1, 'the Person id'));
    assert.equal(await registry.getRegistryId(kj.personSubject, 'latest'), needs(ids.kPerson2, 'the Person v2 id'));
  });

  await check(`${p} getLatestSchemaId(subject)`, async () => {
    assert.equal(await registry.getLatestSchemaId(kj.personSubject), needs(ids.kPerson2, 'the Person v2 id'));
  });

  await check(`${p} getRegistryIdBySchema(subject, schema) (POST /subjects/{s})`, async () => {
    assert.equal(await registry.getRegistryIdBySchema(kj.personSubject, personV1), needs(ids.kPerson1, 'the Person id'));
    assert.equal(
      await registry.getRegistryIdBySchema(kj.personSubject, { type: SchemaType.AVRO, schema: JSON.stringify(personV2) }),
      needs(ids.kPerson2, 'the Person v2 id'));
  });

  await check(`${p} getRegistryIdBySchema of a schema the subject lacks fails`, async () => {
    const other = { ...personV1, fields: [{ name: 'other', type: 'long' }] };
    await assert.rejects(registry.getRegistryIdBySchema(kj.personSubject, other), (error) => {
      assert.equal(error.name, 'ConfluentSchemaRegistryError', describe(error));
      return true;
    });
  });

  await check(`${p} getRegistryId of a missing subject fails with HTTP 404`, async () => {
    await rejectsWithStatus(registry.getRegistryId(`${prefix}-missing`, 1), 404);
  });

  await check(`${p} getSchema(id) (GET /schemas/ids/{id}) gives an Avro type`, async () => {
    const schema = await kafkajsClient().getSchema(needs(ids.kPerson2, 'the Person v2 id'));
    assert.equal(schema.name, `${ns}.Person`);
    assert.deepEqual(schema.fields.map((f) => f.name), ['name', 'age', 'email']);
  });

  const ada = { name: 'Ada', age: 36, email: 'ada@example.org' };
  await check(`${p} encode writes magic 0 + id + Avro, decode reads it back`, async () => {
    const id = needs(ids.kPerson2, 'the Person v2 id');
    const bytes = await kafkajsClient().encode(id, ada);
    assertWire(bytes, id, Buffer.concat([avroString('Ada'), avroLong(36), avroLong(1), avroString('ada@example.org')]));
    assert.deepEqual(plain(await kafkajsClient().decode(bytes)), ada);
  });

  await check(`${p} decode with a readerSchema resolves v1 data to v2`, async () => {
    const id = needs(ids.kPerson1, 'the Person id');
    const bytes = await kafkajsClient().encode(id, { name: 'Bob', age: 7 });
    assertWire(bytes, id, Buffer.concat([avroString('Bob'), avroLong(7)]));
    const decoded = await kafkajsClient().decode(bytes, { [SchemaType.AVRO]: { readerSchema: personV2 } });
    assert.deepEqual(plain(decoded), { name: 'Bob', age: 7, email: null });
  });

  await check(`${p} decode of an unknown id fails with HTTP 404`, async () => {
    const bytes = Buffer.concat([Buffer.from([0]), Buffer.from([0x7f, 0xff, 0xff, 0x00]), Buffer.from([0])]);
    await rejectsWithStatus(kafkajsClient().decode(bytes), 404);
  });

  // references: Order refers to the Address registered in its own subject
  const kAddress = `${prefix}-kafkajs-address`;
  const order = {
    type: 'record',
    name: 'Order',
    namespace: ns,
    fields: [
      { name: 'number', type: 'long' },
      { name: 'shipTo', type: `${ns}.Address` },
    ],
  };
  await check(`${p} register with a reference (GET /subjects/{s}/versions/{v} for the referenced schema)`, async () => {
    await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(addressV1) }, { subject: kAddress });
    const { id } = await registry.register(
      { type: SchemaType.AVRO, schema: JSON.stringify(order), references: [{ name: `${ns}.Address`, subject: kAddress, version: 1 }] },
      { subject: kj.order });
    assert.ok(id > 0);
    ids.kOrder = id;
  });

  await check(`${p} encode/decode a record with a reference, with a fresh client`, async () => {
    const id = needs(ids.kOrder, 'the Order id');
    const value = { number: 42, shipTo: { street: '1 Main St', city: 'London' } };
    const bytes = await kafkajsClient().encode(id, value);
    assertWire(bytes, id, Buffer.concat([avroLong(42), addressBytes(value.shipTo, false)]));
    assert.deepEqual(plain(await kafkajsClient().decode(bytes)), value);
  });

  // The client's HTTP resources that its methods do not use, called the way an application does
  await check(`${p} api.Subject.all (GET /subjects) lists the subjects`, async () => {
    const subjects = (await registry.api.Subject.all()).data();
    assert.ok(subjects.includes(kj.personSubject) && subjects.includes(kj.order), JSON.stringify(subjects).slice(0, 200));
  });

  await check(`${p} api.Subject.compatible (POST /compatibility/.../latest) true and false`, async () => {
    const yes = (await registry.api.Subject.compatible({ subject: kj.personSubject, body: { schema: JSON.stringify(personV2) } })).data();
    assert.equal(yes.is_compatible, true);
    const bad = { ...personV2, fields: [...personV2.fields, { name: 'required', type: 'string' }] };
    const no = (await registry.api.Subject.compatible({ subject: kj.personSubject, body: { schema: JSON.stringify(bad) } })).data();
    assert.equal(no.is_compatible, false);
  });

  await check(`${p} api.Subject.config / updateConfig (GET/PUT /config/{s})`, async () => {
    const put = (await registry.api.Subject.updateConfig({ subject: kj.explicit, body: { compatibility: 'FORWARD' } })).data();
    assert.equal(put.compatibility, 'FORWARD');
    assert.equal((await registry.api.Subject.config({ subject: kj.explicit })).data().compatibilityLevel, 'FORWARD');
  });
}

async function crossLibrary() {
  const p = 'cross-library:';
  const topic = `${prefix}-cross`;
  const value = { street: '5 Quay', city: 'Bristol' };

  await check(`${p} bytes from AvroSerializer decode with kafkajs, and kafkajs bytes with AvroDeserializer`, async () => {
    const ser = new AvroSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const fromConfluent = await ser.serialize(topic, value);
    assert.deepEqual(plain(await kafkajsClient().decode(fromConfluent)), value);

    const id = await kafkajsClient().getLatestSchemaId(`${topic}-value`);
    assert.equal(id, fromConfluent.readInt32BE(1));
    const fromKafkajs = await kafkajsClient().encode(id, value);
    assert.equal(fromKafkajs.toString('hex'), fromConfluent.toString('hex'));
    const de = new AvroDeserializer(freshConfluent(), SerdeType.VALUE, { subjectNameStrategyType: SubjectNameStrategyType.TOPIC });
    assert.deepEqual(plain(await de.deserialize(topic, fromKafkajs)), value);
  });
}

// ---------------------------------------------------------------------------------------------

try {
  await fetch(new URL('/', url), { signal: AbortSignal.timeout(15000) });
} catch (error) {
  console.log(`FAIL reach the registry at ${url}: ${error.cause?.message ?? error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}

try {
  console.log(`# registry ${url}, run ${run}`);
  await confluentRegistry();
  await confluentCompatibility();
  await confluentConfig();
  await confluentTransport();
  await confluentDeletes();
  await confluentSerde();
  await confluentDataContracts();
  await confluentGuidsAndAssociations();
  await kafkajsRegistry();
  await crossLibrary();
  await schemaFormatChecks({ check, needs, rejectsWithRest, freshConfluent, kafkajsClient, prefix, run });
} catch (error) {
  console.log(`FAIL the script itself: ${describe(error)}`);
  failed++;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
