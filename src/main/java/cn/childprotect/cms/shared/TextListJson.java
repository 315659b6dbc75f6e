package cn.childprotect.cms.shared;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A list of texts kept in one column as a JSON array: the arguments of a message kept with its key
 * (a work-order step's note, an escalation item's resolution reason).
 */
@Converter
public class TextListJson implements AttributeConverter<List<String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(List<String> texts) {
        return texts == null ? null : JSON.writeValueAsString(texts);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return column == null ? null : JSON.readValue(column, new TypeReference<List<String>>() { });
    }
}
