package cn.zhifa.shared.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.relational.core.mapping.event.AfterConvertCallback;
import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/** Seals and opens the {@link Encrypted} fields of Spring Data JDBC aggregates at the repository boundary. */
@Component
class EncryptedFieldCallbacks implements BeforeConvertCallback<Object>, AfterSaveCallback<Object>, AfterConvertCallback<Object> {

    private record Field(RelationalPersistentProperty property, String column, RelationalPersistentProperty hash, String kind) {
    }

    private final FieldCipher cipher;
    private final RelationalMappingContext mapping;
    private final Map<Class<?>, List<Field>> fields = new ConcurrentHashMap<>();

    EncryptedFieldCallbacks(FieldCipher cipher, RelationalMappingContext mapping) {
        this.cipher = cipher;
        this.mapping = mapping;
    }

    @Override
    public Object onBeforeConvert(Object aggregate) {
        List<Field> encrypted = fields.computeIfAbsent(aggregate.getClass(), this::encryptedFields);
        if (encrypted.isEmpty()) {
            return aggregate;
        }
        PersistentPropertyAccessor<Object> accessor = mapping.getRequiredPersistentEntity(aggregate.getClass()).getPropertyAccessor(aggregate);
        for (Field field : encrypted) {
            String value = (String) accessor.getProperty(field.property());
            if (field.hash() != null) {
                accessor.setProperty(field.hash(), cipher.lookupHash(field.kind(), cipher.open(field.column(), value)));
            }
            accessor.setProperty(field.property(), cipher.seal(field.column(), value));
        }
        return accessor.getBean();
    }

    @Override
    public Object onAfterSave(Object aggregate) {
        return apply(aggregate, column -> value -> cipher.open(column, value));
    }

    @Override
    public Object onAfterConvert(Object aggregate) {
        return apply(aggregate, column -> value -> cipher.open(column, value));
    }

    private Object apply(Object aggregate, java.util.function.Function<String, UnaryOperator<String>> change) {
        List<Field> encrypted = fields.computeIfAbsent(aggregate.getClass(), this::encryptedFields);
        if (encrypted.isEmpty()) {
            return aggregate;
        }
        RelationalPersistentEntity<?> entity = mapping.getRequiredPersistentEntity(aggregate.getClass());
        PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(aggregate);
        for (Field field : encrypted) {
            String value = (String) accessor.getProperty(field.property());
            accessor.setProperty(field.property(), change.apply(field.column()).apply(value));
        }
        return accessor.getBean();
    }

    private List<Field> encryptedFields(Class<?> type) {
        RelationalPersistentEntity<?> entity = mapping.getPersistentEntity(type);
        if (entity == null) {
            return List.of();
        }
        List<Field> found = new ArrayList<>();
        for (RelationalPersistentProperty property : entity) {
            if (property.isAnnotationPresent(Encrypted.class)) {
                if (property.getType() != String.class) {
                    throw new IllegalStateException("@Encrypted fits String fields only: " + type.getName() + "." + property.getName());
                }
                Encrypted declared = property.getRequiredAnnotation(Encrypted.class);
                RelationalPersistentProperty hash = declared.lookupHashIn().isEmpty() ? null
                        : entity.getRequiredPersistentProperty(declared.lookupHashIn());
                found.add(new Field(property, entity.getTableName().getReference() + "." + property.getColumnName().getReference(),
                        hash, declared.lookupKind()));
            }
        }
        return List.copyOf(found);
    }
}
