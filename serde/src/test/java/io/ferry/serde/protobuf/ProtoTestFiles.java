package io.ferry.serde.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.TimestampProto;
import io.ferry.protobuf.ProtoNames;

/**
 * Test schemas built from descriptor protos (the module has no protoc): {@code com/acme/common.proto} with
 * {@code Money}, and {@code com/acme/orders.proto} importing it and timestamp.proto, with a nested message,
 * an enum, a map, a oneof, a proto3 {@code optional} field and a second top-level message with a nested one.
 */
public final class ProtoTestFiles {
    public static final FileDescriptor COMMON = build(FileDescriptorProto.newBuilder().setName("com/acme/common.proto")
            .setPackage("com.acme").setSyntax("proto3")
            .addMessageType(DescriptorProto.newBuilder().setName("Money")
                    .addField(field("currency", 1, Type.TYPE_STRING))
                    .addField(field("units", 2, Type.TYPE_INT64)))
            .build());

    public static final FileDescriptor ORDERS = build(FileDescriptorProto.newBuilder().setName("com/acme/orders.proto")
            .setPackage("com.acme").setSyntax("proto3")
            .addDependency("google/protobuf/timestamp.proto").addDependency("com/acme/common.proto")
            .addMessageType(DescriptorProto.newBuilder().setName("Order")
                    .addField(field("id", 1, Type.TYPE_INT64))
                    .addField(field("note", 2, Type.TYPE_STRING))
                    .addField(message("at", 3, ".google.protobuf.Timestamp"))
                    .addField(message("total", 4, ".com.acme.Money"))
                    .addField(message("lines", 5, ".com.acme.Order.Line").setLabel(Label.LABEL_REPEATED))
                    .addField(message("counts", 6, ".com.acme.Order.CountsEntry").setLabel(Label.LABEL_REPEATED))
                    .addField(field("card", 7, Type.TYPE_STRING).setOneofIndex(0))
                    .addField(field("iban", 8, Type.TYPE_STRING).setOneofIndex(0))
                    .addField(field("coupon", 9, Type.TYPE_STRING).setProto3Optional(true).setOneofIndex(1))
                    .addField(field("status", 10, Type.TYPE_ENUM).setTypeName(".com.acme.Order.Status"))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("payment"))
                    .addOneofDecl(OneofDescriptorProto.newBuilder().setName("_coupon"))
                    .addNestedType(DescriptorProto.newBuilder().setName("Line")
                            .addField(field("sku", 1, Type.TYPE_STRING))
                            .addField(field("qty", 2, Type.TYPE_INT32)))
                    .addNestedType(DescriptorProto.newBuilder().setName("CountsEntry")
                            .addField(field("key", 1, Type.TYPE_STRING))
                            .addField(field("value", 2, Type.TYPE_INT32))
                            .setOptions(MessageOptions.newBuilder().setMapEntry(true)))
                    .addEnumType(EnumDescriptorProto.newBuilder().setName("Status")
                            .addValue(EnumValueDescriptorProto.newBuilder().setName("NEW").setNumber(0))
                            .addValue(EnumValueDescriptorProto.newBuilder().setName("PAID").setNumber(1))))
            .addMessageType(DescriptorProto.newBuilder().setName("Refund")
                    .addField(field("order_id", 1, Type.TYPE_INT64))
                    .addNestedType(DescriptorProto.newBuilder().setName("Reason")
                            .addField(field("text", 1, Type.TYPE_STRING))))
            .build(), TimestampProto.getDescriptor(), COMMON);

    /** The text {@link ProtoFilePrinter} prints for {@link #ORDERS}. */
    public static final String ORDERS_TEXT = """
            syntax = "proto3";
            package com.acme;

            import "google/protobuf/timestamp.proto";
            import "com/acme/common.proto";

            message Order {
              int64 id = 1;
              string note = 2;
              google.protobuf.Timestamp at = 3;
              com.acme.Money total = 4;
              repeated com.acme.Order.Line lines = 5;
              map<string, int32> counts = 6;
              oneof payment {
                string card = 7;
                string iban = 8;
              }
              optional string coupon = 9;
              com.acme.Order.Status status = 10;
              message Line {
                string sku = 1;
                int32 qty = 2;
              }
              enum Status {
                NEW = 0;
                PAID = 1;
              }
            }
            message Refund {
              int64 order_id = 1;
              message Reason {
                string text = 1;
              }
            }
            """;

    private ProtoTestFiles() {
    }

    static FieldDescriptorProto.Builder field(String name, int number, Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(type).setLabel(Label.LABEL_OPTIONAL)
                .setJsonName(ProtoNames.jsonName(name));
    }

    static FieldDescriptorProto.Builder message(String name, int number, String typeName) {
        return field(name, number, Type.TYPE_MESSAGE).setTypeName(typeName);
    }

    static FileDescriptor build(FileDescriptorProto proto, FileDescriptor... dependencies) {
        try {
            return FileDescriptor.buildFrom(proto, dependencies);
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException(e);
        }
    }
}
