package cn.zhifa.shared.db;

import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.stereotype.Component;

/** Has a {@link KeyedChildren} aggregate key its children before Spring Data JDBC writes them. */
@Component
class KeyedChildrenCallback implements BeforeConvertCallback<KeyedChildren> {

    @Override
    public KeyedChildren onBeforeConvert(KeyedChildren aggregate) {
        aggregate.keyChildren();
        return aggregate;
    }
}
