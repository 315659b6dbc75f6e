package cn.childprotect.cms.jurisdictions;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface Divisions extends JpaRepository<DivisionEntity, String> {

    List<DivisionEntity> findByParentCodeOrderByCode(String parentCode);

    List<DivisionEntity> findByCodeStartingWithOrderByCode(String prefix);
}
