// JSON Schema and Protobuf checks for registry-clients.mjs: both JavaScript clients register,
// look up, check and (de)serialize JSON Schema and Protobuf schemas against the registry, and bytes
// written by one library are read by the other. The registry's answers must be what Confluent
// Schema Registry answers: the clients parse the stored text (kafkajs feeds Protobuf text to
// protobufjs), ask for `format=serialized` descriptors (Confluent's ProtobufDeserializer) and register
// base64 FileDescriptorProtos (Confluent's ProtobufSerializer).

import assert from 'node:assert/strict';
import {
  JsonDeserializer,
  JsonSerializer,
  ProtobufDeserializer,
  ProtobufSerializer,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';
import { create, createFileRegistry, createMutableRegistry, toBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, file_google_protobuf_timestamp } from '@bufbuild/protobuf/wkt';
import kafkajs from '@kafkajs/confluent-schema-registry';

const { SchemaType } = kafkajs;

/**
 * Runs the checks with the harness of registry-clients.mjs.
 *
 * @param h {check, needs, rejectsWithRest, freshConfluent, kafkajsClient, prefix, run}
 */
export async function schemaFormatChecks(h) {
  await jsonSchemaChecks(h);
  await protobufChecks(h);
}

// ---------------------------------------------------------------------------------------------
// JSON Schema

const json = (schema) => ({ schemaType: 'JSON', schema: JSON.stringify(schema) });

const orderV1 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Order',
  type: 'object',
  properties: {
    id: { type: 'string' },
    quantity: { type: 'integer', minimum: 1 },
  },
  required: ['id', 'quantity'],
  additionalProperties: false,
};

// A closed content model may gain an optional property: old data never has it.
const orderV2 = {
  ...orderV1,
  properties: { ...orderV1.properties, note: { type: 'string' } },
};

// integer -> string is a changed type: the new schema cannot read old data.
const orderBad = {
  ...orderV1,
  properties: { ...orderV1.properties, quantity: { type: 'string' } },
};

/** Magic byte 0, the id in 4 big-endian bytes, then the UTF-8 JSON text of the value. */
function assertJsonWire(buffer, id, value) {
  assert.equal(buffer[0], 0, 'magic byte');
  assert.equal(buffer.readInt32BE(1), id, 'schema id (bytes 1-4, big-endian)');
  assert.deepEqual(JSON.parse(buffer.subarray(5).toString('utf8')), value, 'JSON body after the 5-byte header');
}

async function jsonSchemaChecks(h) {
  const { check, needs, rejectsWithRest, freshConfluent, kafkajsClient, prefix } = h;
  const p = 'json schema:';
  const topic = `${prefix}-json-orders`;
  const subject = `${topic}-value`;
  const order = { id: 'o-1', quantity: 3 };
  const ids = {};

  await check(`${p} register a draft-07 schema with schemaType JSON`, async () => {
    ids.v1 = await freshConfluent().register(subject, json(orderV1));
    assert.ok(Number.isInteger(ids.v1) && ids.v1 > 0, `id ${ids.v1}`);
  });

  await check(`${p} getBySubjectAndId answers schemaType JSON and the schema`, async () => {
    const info = await freshConfluent().getBySubjectAndId(subject, needs(ids.v1, 'the v1 id'));
    assert.equal(info.schemaType, 'JSON');
    assert.deepEqual(JSON.parse(info.schema), orderV1);
  });

  await check(`${p} registering the same schema again answers the same id`, async () => {
    assert.equal(await freshConfluent().register(subject, json(orderV1)), needs(ids.v1, 'the v1 id'));
  });

  await check(`${p} an optional property added to a closed model is BACKWARD compatible`, async () => {
    assert.equal(await freshConfluent().testSubjectCompatibility(subject, json(orderV2)), true);
    ids.v2 = await freshConfluent().register(subject, json(orderV2));
    assert.notEqual(ids.v2, ids.v1);
  });

  await check(`${p} a property whose type changed is refused with 409`, async () => {
    assert.equal(await freshConfluent().testSubjectCompatibility(subject, json(orderBad)), false);
    await rejectsWithRest(freshConfluent().register(subject, json(orderBad)), 409, 409);
  });

  await check(`${p} an invalid JSON Schema is refused with 422/42201`, async () => {
    const invalid = { type: 'object', properties: { id: { type: 'no-such-type' } } };
    await rejectsWithRest(freshConfluent().register(`${prefix}-json-invalid`, json(invalid)), 422, 42201);
  });

  let serialized;
  await check(`${p} JsonSerializer (latest version) writes magic 0 + id + the JSON text`, async () => {
    const ser = new JsonSerializer(freshConfluent(), SerdeType.VALUE, {
      useLatestVersion: true,
      validate: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    serialized = await ser.serialize(topic, order);
    assertJsonWire(serialized, needs(ids.v2, 'the v2 id'), order);
  });

  await check(`${p} JsonSerializer with validation refuses a value the schema forbids`, async () => {
    const ser = new JsonSerializer(freshConfluent(), SerdeType.VALUE, {
      useLatestVersion: true,
      validate: true,
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    await assert.rejects(ser.serialize(topic, { id: 'o-2', quantity: 0 }));
  });

  await check(`${p} JsonDeserializer reads it back`, async () => {
    const de = new JsonDeserializer(freshConfluent(), SerdeType.VALUE, { validate: true });
    assert.deepEqual(await de.deserialize(topic, needs(serialized, 'the serialized order')), order);
  });

  await check(`${p} kafkajs decodes JsonSerializer's bytes, and its own encoding is the same`, async () => {
    const bytes = needs(serialized, 'the serialized order');
    assert.deepEqual(await kafkajsClient().decode(bytes), order);
    const again = await kafkajsClient().encode(ids.v2, order);
    assertJsonWire(again, ids.v2, order);
  });

  await check(`${p} kafkajs registers a JSON schema and finds its id by subject`, async () => {
    const other = `${prefix}-json-kafkajs`;
    const { id } = await kafkajsClient().register(
      { type: SchemaType.JSON, schema: JSON.stringify(orderV1) }, { subject: other });
    assert.equal(id, needs(ids.v1, 'the v1 id'), 'the same schema has the same global id');
    assert.equal(await kafkajsClient().getLatestSchemaId(other), id);
  });
}

// ---------------------------------------------------------------------------------------------
// Protobuf

const STRING = 9;
const INT32 = 5;
const MESSAGE = 11;
const OPTIONAL = 1;

/** A .proto file built as a descriptor, the way generated code carries it. */
function paymentFile(pkg) {
  return create(FileDescriptorProtoSchema, {
    name: `ferry/${pkg}/payment.proto`,
    package: pkg,
    syntax: 'proto3',
    dependency: ['google/protobuf/timestamp.proto'],
    messageType: [
      {
        name: 'Payment',
        field: [
          { name: 'id', number: 1, type: STRING, label: OPTIONAL, jsonName: 'id' },
          { name: 'amount', number: 2, type: INT32, label: OPTIONAL, jsonName: 'amount' },
          {
            name: 'paid_at', number: 3, type: MESSAGE, label: OPTIONAL, jsonName: 'paidAt',
            typeName: '.google.protobuf.Timestamp',
          },
          { name: 'refund', number: 4, type: MESSAGE, label: OPTIONAL, jsonName: 'refund', typeName: `.${pkg}.Payment.Refund` },
        ],
        nestedType: [
          {
            name: 'Refund',
            field: [{ name: 'reason', number: 1, type: STRING, label: OPTIONAL, jsonName: 'reason' }],
          },
        ],
      },
    ],
  });
}

const protoText = (pkg) => `syntax = "proto3";
package ${pkg};

message Shipment {
  string id = 1;
  int32 parcels = 2;
  Address to = 3;

  message Address {
    string city = 1;
  }
}
`;

async function protobufChecks(h) {
  const { check, needs, rejectsWithRest, freshConfluent, kafkajsClient, prefix, run } = h;
  const p = 'protobuf:';
  const pkg = `ferry.r${run}`;
  const ids = {};

  // --- .proto text, as kafkajs registers it
  const textSubject = `${prefix}-proto-shipments-value`;
  await check(`${p} kafkajs registers .proto text with schemaType PROTOBUF`, async () => {
    const { id } = await kafkajsClient().register(
      { type: SchemaType.PROTOBUF, schema: protoText(pkg) }, { subject: textSubject });
    ids.shipment = id;
    assert.ok(Number.isInteger(id) && id > 0, `id ${id}`);
  });

  await check(`${p} the stored text parses with protobufjs: kafkajs encodes and decodes through it`, async () => {
    const shipment = { id: 's-1', parcels: 2, to: { city: 'Leith' } };
    const bytes = await kafkajsClient().encode(needs(ids.shipment, 'the shipment id'), shipment);
    assert.equal(bytes[0], 0, 'magic byte');
    assert.equal(bytes.readInt32BE(1), ids.shipment, 'schema id');
    const decoded = await kafkajsClient().decode(bytes);
    assert.deepEqual(JSON.parse(JSON.stringify(decoded)), shipment);
  });

  await check(`${p} getBySubjectAndId answers schemaType PROTOBUF and text naming the message`, async () => {
    const info = await freshConfluent().getBySubjectAndId(textSubject, needs(ids.shipment, 'the shipment id'));
    assert.equal(info.schemaType, 'PROTOBUF');
    assert.match(info.schema, /message Shipment \{/);
  });

  await check(`${p} a changed field type is refused with 409`, async () => {
    const changed = protoText(pkg).replace('int32 parcels = 2;', 'string parcels = 2;');
    await rejectsWithRest(freshConfluent().register(textSubject, { schemaType: 'PROTOBUF', schema: changed }), 409, 409);
  });

  await check(`${p} a .proto syntax error is refused with 422/42201`, async () => {
    const broken = 'syntax = "proto3";\nmessage Broken { string id = ; }\n';
    await rejectsWithRest(
      freshConfluent().register(`${prefix}-proto-broken`, { schemaType: 'PROTOBUF', schema: broken }), 422, 42201);
  });

  // --- descriptors, as Confluent's ProtobufSerializer registers them (base64 FileDescriptorProto)
  const registry = createFileRegistry(paymentFile(pkg), (name) =>
    name === 'google/protobuf/timestamp.proto' ? file_google_protobuf_timestamp : undefined);
  const paymentDesc = registry.getMessage(`${pkg}.Payment`);
  const refundDesc = registry.getMessage(`${pkg}.Payment.Refund`);
  const topic = `${prefix}-proto-payments`;
  const payment = create(paymentDesc, {
    id: 'p-1',
    amount: 1250,
    paidAt: { seconds: 1764201600n, nanos: 500 },
    refund: { reason: 'duplicate' },
  });
  let paymentBytes;

  await check(`${p} ProtobufSerializer auto-registers its descriptor and writes magic 0 + id + indexes + message`, async () => {
    const ser = new ProtobufSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: true,
      registry: createMutableRegistry(paymentDesc, refundDesc),
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    paymentBytes = await ser.serialize(topic, payment);
    assert.equal(paymentBytes[0], 0, 'magic byte');
    ids.payment = paymentBytes.readInt32BE(1);
    assert.equal(paymentBytes[5], 0, 'message indexes [0] written as the single byte 0');
    assert.equal(paymentBytes.subarray(6).toString('hex'), Buffer.from(toBinary(paymentDesc, payment)).toString('hex'));
  });

  await check(`${p} the registered descriptor is stored as .proto text importing timestamp.proto`, async () => {
    const info = await freshConfluent().getBySubjectAndId(`${topic}-value`, needs(ids.payment, 'the payment id'));
    assert.equal(info.schemaType, 'PROTOBUF');
    assert.match(info.schema, /import "google\/protobuf\/timestamp.proto";/);
    assert.match(info.schema, /message Payment \{/);
  });

  await check(`${p} ProtobufDeserializer reads it back through format=serialized`, async () => {
    const de = new ProtobufDeserializer(freshConfluent(), SerdeType.VALUE, {});
    const back = await de.deserialize(topic, needs(paymentBytes, 'the serialized payment'));
    assert.equal(back.id, 'p-1');
    assert.equal(back.amount, 1250);
    assert.equal(back.paidAt.seconds, 1764201600n);
    assert.equal(back.paidAt.nanos, 500);
    assert.equal(back.refund.reason, 'duplicate');
  });

  await check(`${p} a nested message is written with message indexes [0, 0] and read back`, async () => {
    const ser = new ProtobufSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: true,
      registry: createMutableRegistry(paymentDesc, refundDesc),
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const refund = create(refundDesc, { reason: 'late' });
    const bytes = await ser.serialize(`${prefix}-proto-refunds`, refund);
    // count 2, then 0 and 0, each a zig-zag varint
    assert.equal(bytes.subarray(5, 8).toString('hex'), '040000', 'message indexes');
    const de = new ProtobufDeserializer(freshConfluent(), SerdeType.VALUE, {});
    assert.equal((await de.deserialize(`${prefix}-proto-refunds`, bytes)).reason, 'late');
  });

  await check(`${p} kafkajs decodes the bytes ProtobufSerializer wrote`, async () => {
    // kafkajs hands the stored text to protobufjs.parse, which does not load imports, so it can only
    // read schemas without them (with any registry): a file of its own here.
    const noteFile = create(FileDescriptorProtoSchema, {
      name: `ferry/${pkg}/note.proto`,
      package: pkg,
      syntax: 'proto3',
      messageType: [{
        name: 'Note',
        field: [
          { name: 'text', number: 1, type: STRING, label: OPTIONAL, jsonName: 'text' },
          { name: 'count', number: 2, type: INT32, label: OPTIONAL, jsonName: 'count' },
        ],
      }],
    });
    const noteDesc = createFileRegistry(noteFile, () => undefined).getMessage(`${pkg}.Note`);
    const ser = new ProtobufSerializer(freshConfluent(), SerdeType.VALUE, {
      autoRegisterSchemas: true,
      registry: createMutableRegistry(noteDesc),
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    });
    const bytes = await ser.serialize(`${prefix}-proto-notes`, create(noteDesc, { text: 'hello', count: 7 }));
    const decoded = await kafkajsClient().decode(bytes);
    assert.equal(decoded.text, 'hello');
    assert.equal(decoded.count, 7);
  });
}
