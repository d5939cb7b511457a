package com.parkingspots.shared.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Every text of every JSON body, whatever it is read into (a request record or a raw {@link JsonNode} for partial
 * updates), checked once when it is bound: a NUL character or an unpaired surrogate anywhere, in a value or in a key,
 * is a 422 at its location ({@code ["body", "title"]}, {@code ["body", "images", 2]}) instead of a PostgreSQL error.
 */
@ControllerAdvice
class StorableTextAdvice extends RequestBodyAdviceAdapter {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_ERRORS = 20;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            @Nullable Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<ValidationError> errors = new ArrayList<>();
        List<Object> loc = new ArrayList<>();
        loc.add("body");
        visit(body, loc, errors, 0);
        if (!errors.isEmpty()) {
            throw new RequestValidationException(errors);
        }
        return body;
    }

    private static void visit(@Nullable Object value, List<Object> loc, List<ValidationError> errors, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        switch (value) {
            case CharSequence text -> add(StorableText.check(text, List.copyOf(loc)), errors);
            case JsonNode node -> visitNode(node, loc, errors, depth);
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    Object child;
                    try {
                        component.getAccessor().setAccessible(true);
                        child = component.getAccessor().invoke(record);
                    } catch (ReflectiveOperationException | RuntimeException unreadable) {
                        continue;
                    }
                    if (child != null) {
                        visitChild(child, Names.snake(component.getName()), loc, errors, depth);
                    }
                }
            }
            case Collection<?> items -> {
                int index = 0;
                for (Object item : items) {
                    if (item != null) {
                        visitChild(item, index, loc, errors, depth);
                    }
                    index++;
                }
            }
            case Map<?, ?> map ->
                map.forEach((key, item) -> {
                    if (key instanceof CharSequence name) {
                        add(StorableText.check(name, with(loc, name.toString())), errors);
                    }
                    if (item != null) {
                        visitChild(item, String.valueOf(key), loc, errors, depth);
                    }
                });
            case Object[] items -> {
                for (int i = 0; i < items.length; i++) {
                    if (items[i] != null) {
                        visitChild(items[i], i, loc, errors, depth);
                    }
                }
            }
            default -> {
                // numbers, booleans, ids, times, enums, raw bytes: nothing PostgreSQL could refuse as text
            }
        }
    }

    private static void visitNode(JsonNode node, List<Object> loc, List<ValidationError> errors, int depth) {
        if (node.isString()) {
            add(StorableText.check(node.asString(), List.copyOf(loc)), errors);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                add(StorableText.check(property.getKey(), with(loc, property.getKey())), errors);
                visitChild(property.getValue(), property.getKey(), loc, errors, depth);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitChild(node.get(i), i, loc, errors, depth);
            }
        }
    }

    private static void visitChild(
            Object child, Object key, List<Object> loc, List<ValidationError> errors, int depth) {
        loc.add(key);
        visit(child, loc, errors, depth + 1);
        loc.removeLast();
    }

    private static List<Object> with(List<Object> loc, Object key) {
        List<Object> copy = new ArrayList<>(loc);
        copy.add(key);
        return List.copyOf(copy);
    }

    private static void add(@Nullable ValidationError error, List<ValidationError> errors) {
        if (error != null && errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
    }
}
