package org.pilotline.mes.contracts.sparkplug;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

/**
 * The Sparkplug B payload (Eclipse Sparkplug 3.0, sparkplug_b.proto: Payload and Payload.Metric), as far as the MES
 * uses it: timestamp, seq, and metrics with name, alias, timestamp, datatype, is_historical, is_null and a scalar
 * value (integers, float, double, boolean, string). DataSet, Template, bytes values, properties and metadata are
 * skipped when read and never written.
 */
public record SparkplugPayload(Long timestamp, Long seq, List<Metric> metrics) {

    /** Sparkplug data types (the DataType enum of the specification) the MES reads. */
    public static final int INT8 = 1, INT16 = 2, INT32 = 3, INT64 = 4, UINT8 = 5, UINT16 = 6, UINT32 = 7,
            UINT64 = 8, FLOAT = 9, DOUBLE = 10, BOOLEAN = 11, STRING = 12, DATETIME = 13, TEXT = 14;

    /** One metric. {@code value} is a Long, Float, Double, Boolean or String; null when is_null or not scalar. */
    public record Metric(String name, Long alias, Long timestamp, Integer datatype, boolean historical,
            boolean isNull, Object value) {

        public static Metric of(String name, long alias, int datatype, Object value) {
            return new Metric(name, alias, null, datatype, false, value == null, value);
        }

        /** The same metric by alias only, as a DATA message carries it after the birth. */
        public Metric byAlias() {
            return new Metric(null, alias, timestamp, datatype, historical, isNull, value);
        }

        public Metric at(long epochMillis) {
            return new Metric(name, alias, epochMillis, datatype, historical, isNull, value);
        }
    }

    public static SparkplugPayload decode(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        Long timestamp = null;
        Long seq = null;
        List<Metric> metrics = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> timestamp = in.readUInt64();
                case 2 -> {
                    int limit = in.pushLimit(in.readRawVarint32());
                    metrics.add(metric(in));
                    in.popLimit(limit);
                }
                case 3 -> seq = in.readUInt64();
                default -> in.skipField(tag);
            }
        }
        return new SparkplugPayload(timestamp, seq, metrics);
    }

    private static Metric metric(CodedInputStream in) throws IOException {
        String name = null;
        Long alias = null;
        Long timestamp = null;
        Integer datatype = null;
        boolean historical = false;
        boolean isNull = false;
        Object value = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> name = in.readString();
                case 2 -> alias = in.readUInt64();
                case 3 -> timestamp = in.readUInt64();
                case 4 -> datatype = in.readUInt32();
                case 5 -> historical = in.readBool();
                case 7 -> isNull = in.readBool();
                case 10 -> value = (long) in.readUInt32() & 0xFFFFFFFFL;
                case 11 -> value = in.readUInt64();
                case 12 -> value = in.readFloat();
                case 13 -> value = in.readDouble();
                case 14 -> value = in.readBool();
                case 15 -> value = in.readString();
                default -> in.skipField(tag);
            }
        }
        return new Metric(name, alias, timestamp, datatype, historical, isNull, isNull ? null : value);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            if (timestamp != null) {
                out.writeUInt64(1, timestamp);
            }
            for (Metric m : metrics) {
                byte[] metric = encode(m);
                out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(metric.length);
                out.writeRawBytes(metric);
            }
            if (seq != null) {
                out.writeUInt64(3, seq);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] encode(Metric m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        if (m.name() != null) {
            out.writeString(1, m.name());
        }
        if (m.alias() != null) {
            out.writeUInt64(2, m.alias());
        }
        if (m.timestamp() != null) {
            out.writeUInt64(3, m.timestamp());
        }
        if (m.datatype() != null) {
            out.writeUInt32(4, m.datatype());
        }
        if (m.historical()) {
            out.writeBool(5, true);
        }
        if (m.isNull()) {
            out.writeBool(7, true);
        } else if (m.value() != null) {
            int type = m.datatype() == null ? 0 : m.datatype();
            switch (type) {
                case INT8, INT16, INT32, UINT8, UINT16, UINT32 -> out.writeUInt32(10, ((Number) m.value()).intValue());
                case INT64, UINT64, DATETIME -> out.writeUInt64(11, ((Number) m.value()).longValue());
                case FLOAT -> out.writeFloat(12, ((Number) m.value()).floatValue());
                case DOUBLE -> out.writeDouble(13, ((Number) m.value()).doubleValue());
                case BOOLEAN -> out.writeBool(14, (Boolean) m.value());
                case STRING, TEXT -> out.writeString(15, (String) m.value());
                default -> throw new IllegalArgumentException("metric " + m.name() + ": datatype " + type
                        + " is not written by this codec");
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * The number a metric stands for, read by its declared data type: signed types are two's complement of their
     * width (Sparkplug 3.0), booleans are 0 or 1. Null for strings, nulls and types without a number.
     */
    public static Double number(Metric m, Integer declaredType) {
        Integer type = m.datatype() != null ? m.datatype() : declaredType;
        Object v = m.value();
        if (v == null || type == null) {
            return null;
        }
        return switch (type) {
            case INT8 -> (double) (byte) ((Number) v).longValue();
            case INT16 -> (double) (short) ((Number) v).longValue();
            case INT32 -> (double) (int) ((Number) v).longValue();
            case INT64 -> (double) ((Number) v).longValue();
            case UINT8, UINT16, UINT32 -> (double) ((Number) v).longValue();
            case UINT64 -> Double.parseDouble(Long.toUnsignedString(((Number) v).longValue()));
            case FLOAT, DOUBLE -> v instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean b ? (b ? 1.0 : 0.0) : null;
            default -> null;
        };
    }
}
