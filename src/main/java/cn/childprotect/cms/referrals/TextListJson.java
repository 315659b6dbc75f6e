package cn.childprotect.cms.referrals;

import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A list of texts kept in one column as a JSON array (a step note's arguments). */
@Converter
class TextListJson implements AttributeConverter<List<String>, String> {

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
