package dev.promoter.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Encoding and decoding of the two files of a bundle, shared by the directory and zip forms. */
final class BundleFiles {

    static final String METADATA = "metadata.json";
    static final String MODEL = "model.tribuo";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BundleFiles() {
    }

    static byte[] encodeMetadata(ModelMetadata metadata) {
        try {
            return JSON.writeValueAsBytes(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metadata is plain data and always serialises", e);
        }
    }

    static ModelMetadata decodeMetadata(byte[] bytes, String source) {
        ModelMetadata metadata;
        try {
            metadata = JSON.readValue(bytes, ModelMetadata.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source + ": not valid model metadata: " + firstLine(e), e);
        }
        if (metadata.formatVersion() != ModelMetadata.FORMAT_VERSION) {
            throw new ModelFormatException(source + ": model format version " + metadata.formatVersion()
                    + " is not supported (this build reads version " + ModelMetadata.FORMAT_VERSION + ")");
        }
        return metadata;
    }

    static byte[] encodeModel(Model<Label> model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serializeToStream(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static Model<Label> decodeModel(byte[] bytes, String source) {
        Model<?> model;
        try {
            model = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source + ": not a readable Tribuo model (truncated or corrupt?): "
                    + firstLine(e), e);
        }
        if (!model.validate(Label.class)) {
            throw new ModelFormatException(source + ": not a classification model");
        }
        return model.castModel(Label.class);
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

}
