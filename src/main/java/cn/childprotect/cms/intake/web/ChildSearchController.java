package cn.childprotect.cms.intake.web;

import cn.childprotect.cms.intake.ChildSearch;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finding a child by name, pinyin or initials (docs/domain.md §3.5); scoped, masked, paged, audited. */
@RestController
class ChildSearchController {

    private final ChildSearch search;
    private final CurrentUsers currentUsers;

    ChildSearchController(ChildSearch search, CurrentUsers currentUsers) {
        this.search = search;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/children")
    ChildSearch.Page search(@RequestParam(required = false) String q, @RequestParam(required = false) Integer birthYear,
            @RequestParam(required = false) String villageCode, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(q, birthYear, villageCode, page, size, currentUsers.current());
    }
}
