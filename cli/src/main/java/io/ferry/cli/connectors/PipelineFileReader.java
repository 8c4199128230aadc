package io.ferry.cli.connectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ferry.cli.support.CliException;
import io.ferry.cli.support.InputFiles;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads pipeline files: YAML ({@code .yaml}, {@code .yml}, several documents per file) or JSON
 * ({@code .json}, several values per file). A document is either {@code {name, config}} or
 * {@code {connectors: [{name, config}, ...]}}; no other key is allowed. Every failure exits with bad
 * input and names the file, and the line where the parser can tell it:
 * {@code pipeline.yaml:7: unknown key 'nmae' ...}.
 */
public final class PipelineFileReader {
    private static final String ALLOWED = "(allowed: connectors, name, config)";
    private static final ObjectReader YAML = new YAMLMapper().readerFor(PipelineDocument.class);
    private static final ObjectReader JSON = new ObjectMapper().readerFor(PipelineDocument.class);

    private PipelineFileReader() {
    }

    /**
     * The connectors declared by a file, or by every pipeline file directly in a directory (in name
     * order), in the order written. A name declared twice is bad input.
     */
    public static List<ConnectorSpec> read(Path fileOrDirectory) {
        List<ConnectorSpec> specs = new ArrayList<>();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path file : files(fileOrDirectory)) {
            for (ConnectorSpec spec : readFile(file)) {
                Path earlier = seen.putIfAbsent(spec.name(), file);
                if (earlier != null) {
                    throw InputFiles.badInput(file, "connector '" + spec.name() + "' is declared twice (also in " + earlier + ")", null);
                }
                specs.add(spec);
            }
        }
        return specs;
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> children = Files.list(path)) {
            List<Path> files = children.filter(PipelineFileReader::isPipelineFile).sorted().toList();
            if (files.isEmpty()) {
                throw InputFiles.badInput(path, "no .yaml, .yml or .json files in this directory", null);
            }
            return files;
        } catch (IOException e) {
            throw InputFiles.badInput(path, "cannot list the directory: " + e.getMessage(), e);
        }
    }

    private static boolean isPipelineFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"));
    }

    /** The connectors one file declares. */
    static List<ConnectorSpec> readFile(Path file) {
        String text = InputFiles.read(file);
        ObjectReader reader = file.getFileName().toString().endsWith(".json") ? JSON : YAML;
        List<ConnectorSpec> specs = new ArrayList<>();
        try (JsonParser keys = reader.createParser(text)) {
            PipelineKeyCheck.check(file, keys);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw InputFiles.badInput(file, "cannot read: " + e.getMessage(), e);
        }
        try (MappingIterator<PipelineDocument> documents = reader.readValues(text)) {
            while (documents.hasNextValue()) {
                PipelineDocument document = documents.nextValue();
                if (document != null) {
                    specs.addAll(document.specs(file));
                }
            }
        } catch (UnrecognizedPropertyException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InputFiles.badInput(file, line, "unknown key '" + e.getPropertyName() + "' " + ALLOWED, e);
        } catch (JsonProcessingException e) {
            throw syntaxError(file, e);
        } catch (IOException e) {
            throw InputFiles.badInput(file, "cannot read: " + e.getMessage(), e);
        }
        return specs;
    }

    /**
     * A syntax error at the line where the YAML parser found the problem, without the parser's
     * excerpt of the file (which does not fit on one line); other errors as the JSON parser says them.
     */
    private static CliException syntaxError(Path file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null ? ""
                    : " (" + yaml.getContext() + (yaml.getContextMark() == null ? "" : " from line " + (yaml.getContextMark().getLine() + 1)) + ")";
            return InputFiles.badInput(file, yaml.getProblemMark().getLine() + 1, yaml.getProblem() + context, e);
        }
        return InputFiles.syntaxError(file, e);
    }
}
