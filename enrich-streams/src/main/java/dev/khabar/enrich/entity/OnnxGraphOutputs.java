package dev.khabar.enrich.entity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites an ONNX model's graph outputs so that ONNX Runtime returns inner tensors, such as the hidden states of a
 * middle encoder layer, in place of the model's own outputs, and drops the nodes and weights that no output needs (the
 * layers above, which ONNX Runtime would otherwise still run). The model is a protocol buffer ({@code onnx.proto}): the
 * graph is field 7 of {@code ModelProto}, each output a {@code ValueInfoProto} in field 12 of {@code GraphProto}; every
 * field kept is copied byte for byte, so the weights are untouched.
 */
final class OnnxGraphOutputs {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_VALUE_INFO = 13;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int TENSOR_NAME = 8;
    private static final int VALUE_INFO_NAME = 1;
    private static final int LENGTH_DELIMITED = 2;
    /** {@code TensorProto.DataType.FLOAT}. */
    private static final int FLOAT = 1;

    private OnnxGraphOutputs() {
    }

    /** The model with {@code outputs} (float tensors named as in the graph, in this order) as its only outputs. */
    static byte[] replace(byte[] model, List<String> outputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(model.length + 256);
        Reader reader = new Reader(model);
        boolean graphSeen = false;
        while (reader.more()) {
            int fieldStart = reader.position;
            long key = reader.varint();
            if (key >>> 3 == MODEL_GRAPH && (key & 7) == LENGTH_DELIMITED) {
                int length = (int) reader.varint();
                if (length < 0 || length > model.length - reader.position) {
                    throw new IllegalArgumentException("not an ONNX model: the graph runs past the end");
                }
                byte[] graph = graph(model, reader.position, length, outputs);
                reader.position += length;
                writeVarint(out, key);
                writeVarint(out, graph.length);
                out.writeBytes(graph);
                graphSeen = true;
            } else {
                reader.skip(key);
                out.write(model, fieldStart, reader.position - fieldStart);
            }
        }
        if (!graphSeen) {
            throw new IllegalArgumentException("not an ONNX model: no graph");
        }
        return out.toByteArray();
    }

    private static byte[] graph(byte[] model, int from, int length, List<String> outputs) {
        // the graph's fields as they come; nodes are in topological order (onnx.proto requires it)
        List<int[]> fields = new ArrayList<>();
        Reader reader = new Reader(model, from, from + length);
        while (reader.more()) {
            int fieldStart = reader.position;
            long key = reader.varint();
            int valueStart = reader.position;
            reader.skip(key);
            fields.add(new int[] {(int) (key >>> 3), fieldStart, valueStart, reader.position});
        }
        // walk back from the outputs: a node is kept if a kept node or an output reads what it writes
        Set<String> needed = new HashSet<>(outputs);
        Set<int[]> kept = new HashSet<>();
        for (int f = fields.size() - 1; f >= 0; f--) {
            int[] field = fields.get(f);
            if (field[0] != GRAPH_NODE) {
                continue;
            }
            List<String> inputs = strings(model, field, NODE_INPUT);
            List<String> written = strings(model, field, NODE_OUTPUT);
            // control flow (If, Loop) holds graphs that may read outer names: such a node is kept whatever it writes
            if (written.stream().anyMatch(needed::contains) || hasGraph(model, field)) {
                kept.add(field);
                needed.addAll(inputs);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 256);
        for (int[] field : fields) {
            boolean keep = switch (field[0]) {
                case GRAPH_NODE -> kept.contains(field);
                case GRAPH_INITIALIZER -> needed.containsAll(strings(model, field, TENSOR_NAME));
                case GRAPH_VALUE_INFO -> needed.containsAll(strings(model, field, VALUE_INFO_NAME));
                case GRAPH_OUTPUT -> false;
                default -> true;
            };
            if (keep) {
                out.write(model, field[1], field[3] - field[1]);
            }
        }
        for (String name : outputs) {
            byte[] valueInfo = valueInfo(name);
            writeVarint(out, (GRAPH_OUTPUT << 3) | LENGTH_DELIMITED);
            writeVarint(out, valueInfo.length);
            out.writeBytes(valueInfo);
        }
        return out.toByteArray();
    }

    /** Whether a node's attributes hold a graph ({@code AttributeProto} fields 6 and 11), as control flow does. */
    private static boolean hasGraph(byte[] model, int[] field) {
        Reader node = new Reader(model, field[2] + lengthSize(model, field[2]), field[3]);
        while (node.more()) {
            long key = node.varint();
            int valueStart = node.position;
            node.skip(key);
            if (key >>> 3 == NODE_ATTRIBUTE) {
                Reader attribute = new Reader(model, valueStart + lengthSize(model, valueStart), node.position);
                while (attribute.more()) {
                    long inner = attribute.varint();
                    attribute.skip(inner);
                    if (inner >>> 3 == 6 || inner >>> 3 == 11) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The strings in field {@code number} of the length-delimited message that {@code field} holds, in order. */
    private static List<String> strings(byte[] model, int[] field, int number) {
        List<String> found = new ArrayList<>();
        Reader message = new Reader(model, field[2] + lengthSize(model, field[2]), field[3]);
        while (message.more()) {
            long key = message.varint();
            int valueStart = message.position;
            message.skip(key);
            if (key >>> 3 == number && (key & 7) == LENGTH_DELIMITED) {
                int textStart = valueStart + lengthSize(model, valueStart);
                found.add(new String(model, textStart, message.position - textStart, StandardCharsets.UTF_8));
            }
        }
        return found;
    }

    /** How many bytes the length prefix at {@code at} takes. */
    private static int lengthSize(byte[] model, int at) {
        int size = 1;
        while (model[at + size - 1] < 0) {
            size++;
        }
        return size;
    }

    /** {@code ValueInfoProto{name, type: TypeProto{tensor_type: Tensor{elem_type: FLOAT}}}}, shape left to inference. */
    private static byte[] valueInfo(String name) {
        ByteArrayOutputStream tensor = new ByteArrayOutputStream();
        writeVarint(tensor, 1 << 3);
        writeVarint(tensor, FLOAT);
        ByteArrayOutputStream type = new ByteArrayOutputStream();
        delimited(type, 1, tensor.toByteArray());
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        delimited(info, 1, name.getBytes(StandardCharsets.UTF_8));
        delimited(info, 2, type.toByteArray());
        return info.toByteArray();
    }

    private static void delimited(ByteArrayOutputStream out, int field, byte[] bytes) {
        writeVarint(out, ((long) field << 3) | LENGTH_DELIMITED);
        writeVarint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Reads protocol buffer fields between two offsets. */
    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        int position;

        Reader(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        Reader(byte[] bytes, int from, int end) {
            this.bytes = bytes;
            this.position = from;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= end) {
                    throw new IllegalArgumentException("not an ONNX model: a number runs past the end");
                }
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("not an ONNX model: a number longer than ten bytes");
        }

        /** Skips the value of the field whose key was just read. */
        void skip(long key) {
            switch ((int) (key & 7)) {
                case 0 -> varint();
                case 1 -> position += 8;
                case LENGTH_DELIMITED -> {
                    int length = (int) varint();  // read before adding: it moves the position
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("not an ONNX model: wire type " + (key & 7));
            }
            if (position > end || position < 0) {
                throw new IllegalArgumentException("not an ONNX model: a field runs past the end");
            }
        }
    }
}
