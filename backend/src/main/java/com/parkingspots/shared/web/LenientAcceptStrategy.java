package com.parkingspots.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * {@code Accept} as a preference, never a reason to refuse: what the client lists comes first, and when the endpoint
 * produces none of it the answer is JSON anyway (as from the existing FastAPI backend) instead of a 406, which would
 * come only after the endpoint had run and, say, deleted what was asked. An unparseable header counts as none.
 */
final class LenientAcceptStrategy implements ContentNegotiationStrategy {

    private static final MediaType ANYTHING_ELSE = new MediaType(MediaType.ALL, Map.of("q", "0.001"));

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request) {
        String[] values = request.getHeaderValues(HttpHeaders.ACCEPT);
        if (values == null || values.length == 0) {
            return MEDIA_TYPE_ALL_LIST;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(List.of(values)));
        } catch (InvalidMediaTypeException unparseable) {
            return MEDIA_TYPE_ALL_LIST;
        }
        if (types.isEmpty()) {
            return MEDIA_TYPE_ALL_LIST;
        }
        MimeTypeUtils.sortBySpecificity(types);
        if (types.stream().noneMatch(MediaType::isWildcardType)) {
            types.add(ANYTHING_ELSE);
        }
        return types;
    }
}
